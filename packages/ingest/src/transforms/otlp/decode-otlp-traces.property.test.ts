// Whatever arrives on the port, decoding returns a value and never throws.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodeOtlpTraces } from './decode-otlp-traces.ts';
import { encodeOtlpJsonAsProtobuf } from './encode-otlp-json-as-protobuf.ts';

// A leaf: either a plausible OTLP value or any JSON at all.
const leaf = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.stringMatching(/^[0-9a-fA-F]{0,34}$/),
  fc.bigInt({ min: -1n, max: 1n << 65n }).map(String),
  fc.constantFrom(0, 2, 'SPAN_KIND_SERVER', 'STATUS_CODE_ERROR', '', 'exception'),
);
const anyValue = fc.record(
  { stringValue: leaf, intValue: leaf, doubleValue: leaf, boolValue: leaf, arrayValue: fc.record({ values: fc.array(fc.record({ stringValue: leaf })) }) },
  { requiredKeys: [] },
);
const keyValues = fc.array(fc.record({ key: leaf, value: fc.oneof(anyValue, leaf) }, { requiredKeys: [] }), { maxLength: 3 });
const span = fc.record(
  {
    traceId: leaf,
    spanId: leaf,
    parentSpanId: leaf,
    name: leaf,
    kind: leaf,
    startTimeUnixNano: leaf,
    endTimeUnixNano: leaf,
    attributes: fc.oneof(keyValues, leaf),
    events: fc.array(fc.record({ name: leaf, timeUnixNano: leaf, attributes: keyValues }, { requiredKeys: [] }), { maxLength: 2 }),
    links: fc.array(fc.record({ traceId: leaf, spanId: leaf, attributes: keyValues }, { requiredKeys: [] }), { maxLength: 2 }),
    status: fc.oneof(fc.record({ code: leaf, message: leaf }, { requiredKeys: [] }), leaf),
  },
  { requiredKeys: [] },
);
const otlpShaped = fc.record({
  resourceSpans: fc.array(
    fc.record({
      resource: fc.record({ attributes: keyValues }, { requiredKeys: [] }),
      scopeSpans: fc.array(fc.record({ scope: fc.oneof(fc.record({ name: leaf }), leaf), spans: fc.array(fc.oneof(span, leaf), { maxLength: 4 }) }), { maxLength: 2 }),
    }),
    { maxLength: 2 },
  ),
});

function countSpans(request: { resourceSpans: Array<{ scopeSpans: Array<{ spans: unknown[] }> }> }): number {
  return request.resourceSpans.reduce((n, r) => n + r.scopeSpans.reduce((m, s) => m + s.spans.length, 0), 0);
}

describe('decodeOtlpTraces on arbitrary input', () => {
  it('never throws on arbitrary bytes, in either encoding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        const body = Buffer.from(bytes);
        decodeOtlpTraces(body, 'protobuf');
        decodeOtlpTraces(body, 'json');
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        decodeOtlpTraces(Buffer.from(text), 'json');
      }),
      { numRuns: 1000 },
    );
  });

  it('accounts for every span of an OTLP-shaped request with arbitrary fields', () => {
    fc.assert(
      fc.property(otlpShaped, (request) => {
        const decoded = decodeOtlpTraces(Buffer.from(JSON.stringify(request)), 'json');
        assert.ok(decoded.ok, decoded.ok ? '' : decoded.reason);
        assert.equal(decoded.value.spans.length + decoded.value.rejected.length, countSpans(request));
        for (const row of decoded.value.spans) {
          assert.match(row.trace_id, /^[0-9a-f]{32}$/);
          assert.ok(Number.isSafeInteger(row.start_time) && row.end_time! >= row.start_time);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on protobuf bodies with bytes flipped', () => {
    const valid = encodeOtlpJsonAsProtobuf({
      resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: '5759e988bd862e3fe1be46a994272793', spanId: '53995c3f42cd8ad8', name: 'n', startTimeUnixNano: '1', endTimeUnixNano: '2', attributes: [{ key: 'k', value: { arrayValue: { values: [{ intValue: '1' }] } } }] }] }] }],
    });
    fc.assert(
      fc.property(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 }), fc.nat(valid.length), (at, byte, cut) => {
        const body = Buffer.from(valid);
        body[at] = byte;
        decodeOtlpTraces(body.subarray(0, cut), 'protobuf');
      }),
      { numRuns: 2000 },
    );
  });
});
