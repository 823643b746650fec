import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { decodeOtlpTraces } from './decode-otlp-traces.ts';
import { encodeOtlpJsonAsProtobuf } from './encode-otlp-json-as-protobuf.ts';

const official = readFileSync(new URL('../../../fixtures/otlp/official-trace.json', import.meta.url));

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

/** A request with one resource and one scope around `spans`. */
function request(spans: unknown[], resourceAttributes: unknown[] = []): Record<string, unknown> {
  return { resourceSpans: [{ resource: { attributes: resourceAttributes }, scopeSpans: [{ scope: { name: 's' }, spans }] }] };
}

const good = {
  traceId: '5759e988bd862e3fe1be46a994272793',
  spanId: '53995c3f42cd8ad8',
  name: 'work',
  startTimeUnixNano: '1767225600000000000',
  endTimeUnixNano: '1767225600001000000',
};

function decodeOk(body: Buffer, encoding: 'json' | 'protobuf' = 'json') {
  const decoded = decodeOtlpTraces(body, encoding);
  assert.ok(decoded.ok, decoded.ok ? '' : decoded.reason);
  return decoded.value;
}

describe('decodeOtlpTraces', () => {
  it('decodes the official opentelemetry-proto example with every column right', () => {
    const { spans, rejected } = decodeOk(official);
    assert.deepEqual(rejected, []);
    assert.deepEqual(spans, [
      {
        trace_id: '5b8efff798038103d269b633813fc60c',
        span_id: 'eee19b7ec3c1b174',
        parent_span_id: 'eee19b7ec3c1b173',
        service: 'my.service',
        name: "I'm a server span",
        kind: 'server',
        start_time: 1544712660000000,
        end_time: 1544712661000000,
        duration_ms: 1000,
        status: 'ok',
        in_progress: false,
        http_method: null,
        http_url: null,
        http_status: null,
        sql_query: null,
        db_server: null,
        exceptions: null,
        annotations: null,
        attributes: JSON.stringify({
          'otel.scope.name': 'my.library',
          'otel.scope.version': '1.0.0',
          'scope.my.scope.attribute': 'some scope attribute',
          'my.span.attr': 'some value',
        }),
        resource: JSON.stringify({ 'service.name': 'my.service' }),
        origin: null,
        host: null,
        source: 'otlp',
      },
    ]);
  });

  it('decodes the official example encoded as protobuf to the same rows', () => {
    const protobuf = encodeOtlpJsonAsProtobuf(JSON.parse(official.toString('utf8')));
    assert.deepEqual(decodeOk(protobuf, 'protobuf'), decodeOk(official));
  });

  it('keeps nanosecond timestamps past 2^53 exact down to the microsecond', () => {
    const [span] = decodeOk(json(request([{ ...good, startTimeUnixNano: '1767225600123456999', endTimeUnixNano: '1767225600123457001' }]))).spans;
    assert.equal(span?.start_time, 1767225600123456);
    assert.equal(span?.end_time, 1767225600123457);
    assert.equal(span?.duration_ms, 0.001);
  });

  it('treats an empty body as an empty request in both encodings', () => {
    assert.deepEqual(decodeOk(Buffer.alloc(0), 'json'), { spans: [], rejected: [] });
    assert.deepEqual(decodeOk(Buffer.alloc(0), 'protobuf'), { spans: [], rejected: [] });
    assert.deepEqual(decodeOk(json({})), { spans: [], rejected: [] });
  });

  it('fails a body that does not decode, with the reason', () => {
    const cases: Array<[Buffer, 'json' | 'protobuf', RegExp]> = [
      [Buffer.from('{"resourceSpans":'), 'json', /^body is not valid JSON/],
      [json([1, 2]), 'json', /must be an object, got an array/],
      [json('text'), 'json', /must be an object, got a string/],
      [json({ resourceSpans: {} }), 'json', /resourceSpans must be an array/],
      [json({ resourceSpans: [7] }), 'json', /resourceSpans\[0\] must be an object/],
      [json({ resourceSpans: [{ scopeSpans: 'x' }] }), 'json', /scopeSpans must be an array/],
      [json({ resourceSpans: [{ scopeSpans: [{ spans: {} }] }] }), 'json', /spans must be an array/],
      [Buffer.from([0x0a, 0x05, 0x12]), 'protobuf', /^not an OTLP protobuf ExportTraceServiceRequest/],
      [Buffer.from('{"resourceSpans":[]}'), 'protobuf', /^not an OTLP protobuf ExportTraceServiceRequest/],
    ];
    for (const [body, encoding, reason] of cases) {
      const decoded = decodeOtlpTraces(body, encoding);
      assert.equal(decoded.ok, false, `${body.toString('hex')} decoded`);
      if (!decoded.ok) assert.match(decoded.reason, reason);
    }
  });

  it('rejects bad spans with their index and reason and keeps the rest', () => {
    const body = {
      resourceSpans: [
        { scopeSpans: [{ spans: [good, { ...good, name: '' }] }] },
        { scopeSpans: [{ spans: ['span?', { ...good, spanId: 'zz' }] }, { spans: [{ ...good, traceId: '' }, good] }] },
      ],
    };
    const { spans, rejected } = decodeOk(json(body));
    assert.equal(spans.length, 2);
    assert.deepEqual(rejected, [
      { index: 1, reason: 'span has no name' },
      { index: 2, reason: 'span must be an object, got "span?"' },
      { index: 3, reason: 'span id must be 8 bytes (16 hex digits), got "zz"' },
      { index: 4, reason: 'span has no trace id' },
    ]);
  });

  it('rejects every span of a resource whose attributes are malformed', () => {
    const { spans, rejected } = decodeOk(json(request([good, good], [{ key: 'service.name', value: 'not an AnyValue' }])));
    assert.equal(spans.length, 0);
    assert.deepEqual(rejected.map((r) => r.index), [0, 1]);
    assert.match(rejected[0]!.reason, /^resource attribute "service.name": AnyValue must be an object/);
  });

  it('rejects ids of the wrong length in protobuf', () => {
    const body = encodeOtlpJsonAsProtobuf(request([{ ...good, traceId: 'abcd' }, { ...good, spanId: '0000000000000000' }]));
    assert.deepEqual(decodeOk(body, 'protobuf').rejected, [
      { index: 0, reason: 'trace id must be 16 bytes, got 2' },
      { index: 1, reason: 'span id must not be all zeros' },
    ]);
  });

  it('accepts enum names, snake_case fields, numbers for int64 and upper-case hex', () => {
    const loose = {
      trace_id: '5759E988BD862E3FE1BE46A994272793',
      span_id: '53995C3F42CD8AD8',
      parent_span_id: '',
      name: 'q',
      kind: 'SPAN_KIND_PRODUCER',
      start_time_unix_nano: 1767225600000000000,
      end_time_unix_nano: '1767225600002000000',
      status: { code: 'STATUS_CODE_ERROR' },
    };
    const [span] = decodeOk(json({ resource_spans: [{ scope_spans: [{ spans: [loose] }] }] })).spans;
    assert.equal(span?.trace_id, '5759e988bd862e3fe1be46a994272793');
    assert.equal(span?.parent_span_id, null);
    assert.equal(span?.kind, 'producer');
    assert.equal(span?.status, 'fault');
    assert.equal(span?.duration_ms, 2);
  });

  it('names the service unknown_service when the resource has no service.name', () => {
    assert.equal(decodeOk(json(request([good]))).spans[0]?.service, 'unknown_service');
  });

  it('ignores fields it does not know', () => {
    const [span] = decodeOk(json({ ...request([{ ...good, future: { x: 1 } }]), extra: true })).spans;
    assert.equal(span?.name, 'work');
  });
});
