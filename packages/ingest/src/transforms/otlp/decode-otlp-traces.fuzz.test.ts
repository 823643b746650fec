import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { describeTally, fuzzCases } from '../fuzz-cases.ts';
import { deeplyNestedJson, mutatedSamples, readSamples } from '../fuzz-input.ts';
import { decodeOtlpTraces } from './decode-otlp-traces.ts';
import { encodeOtlpJsonAsProtobuf } from './encode-otlp-json-as-protobuf.ts';
import type { OtlpEncoding } from './otlp-trace-batch.ts';

const jsonSamples = [...readSamples(join(import.meta.dirname, '../../../fixtures/otlp'), /(?<!expected)\.json$/), ...readSamples('/work/shared/samples/otlp', /^trace\.json$/)];
// A sample too loose for protobufjs's fromObject to convert is left out of the protobuf set.
const protobufSamples = jsonSamples.flatMap((sample) => {
  try {
    return [encodeOtlpJsonAsProtobuf(JSON.parse(sample.toString('utf8')))];
  } catch {
    return [];
  }
});

function check(body: Buffer, encoding: OtlpEncoding): void {
  const decoded = decodeOtlpTraces(body, encoding);
  if (!decoded.ok) {
    assert.ok(decoded.reason.length > 0, 'a refused body carries a reason');
    return;
  }
  for (const rejected of decoded.value.rejected) {
    assert.ok(rejected.reason.length > 0, 'a rejected span carries a reason');
    assert.ok(Number.isInteger(rejected.index) && rejected.index >= 0);
  }
  for (const span of decoded.value.spans) {
    assert.match(span.trace_id, /^[0-9a-f]{32}$/);
    assert.ok(Number.isInteger(span.start_time) && span.start_time >= 0, `start ${span.start_time}`);
  }
}

// Requests with OTLP's containers and span fields, values of any type where the spec says one.
const anyOf = <T>(typical: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 4, arbitrary: typical }, fc.jsonValue({ maxDepth: 1 }));
const attribute = fc.record({ key: anyOf(fc.constantFrom('http.method', 'http.status_code', 'service.name', 'db.statement', 'aws.xray.annotations')), value: anyOf(fc.record({ stringValue: fc.string() }, { requiredKeys: [] })) });
const span = fc.record(
  {
    traceId: anyOf(fc.constantFrom('5b8efff798038103d269b633813fc60c', '', 'W47/95gDgQPSabYzgT/GDA==', '00000000000000000000000000000000')),
    spanId: anyOf(fc.constantFrom('eee19b7ec3c1b174', 'eee19b7ec3c1b17', '')),
    parentSpanId: anyOf(fc.constantFrom('eee19b7ec3c1b173', '')),
    name: anyOf(fc.string()),
    kind: anyOf(fc.integer({ min: -1, max: 6 })),
    startTimeUnixNano: anyOf(fc.constantFrom('1544712660000000000', '1e30', '-5', '18446744073709551615')),
    endTimeUnixNano: anyOf(fc.constantFrom('1544712661000000000', '0', '99999999999999999999999')),
    attributes: anyOf(fc.array(attribute, { maxLength: 3 })),
    events: anyOf(fc.array(fc.record({ name: fc.string(), timeUnixNano: fc.string(), attributes: fc.array(attribute, { maxLength: 2 }) }), { maxLength: 2 })),
    status: anyOf(fc.record({ code: fc.integer({ min: -1, max: 3 }), message: fc.string() })),
  },
  { requiredKeys: [] },
);
const request = fc
  .array(fc.record({ resource: anyOf(fc.record({ attributes: fc.array(attribute, { maxLength: 2 }) })), scopeSpans: anyOf(fc.array(fc.record({ spans: anyOf(fc.array(span, { maxLength: 3 })) }), { maxLength: 2 })) }, { requiredKeys: [] }), { maxLength: 2 })
  .map((resourceSpans) => Buffer.from(JSON.stringify({ resourceSpans })));

const RUNS = { arbitraryJson: 1_000, arbitraryProtobuf: 1_500, shaped: 2_000, mutatedJson: 3_000, mutatedProtobuf: 3_000 };
const TOTAL = Object.values(RUNS).reduce((a, b) => a + b, 0);

describe(`OTLP trace decoding under fuzzing (${TOTAL} cases)`, () => {
  it(`never throws on arbitrary bytes as JSON (${RUNS.arbitraryJson} cases)`, (t) => {
    const tally = fuzzCases(fc.string({ maxLength: 400, unit: 'binary' }), RUNS.arbitraryJson, (text) => check(Buffer.from(text), 'json'));
    t.diagnostic(describeTally(tally));
  });

  it(`never throws on arbitrary bytes as protobuf (${RUNS.arbitraryProtobuf} cases)`, (t) => {
    const tally = fuzzCases(fc.uint8Array({ maxLength: 400 }), RUNS.arbitraryProtobuf, (bytes) => check(Buffer.from(bytes), 'protobuf'));
    t.diagnostic(describeTally(tally));
  });

  it(`never throws on OTLP-shaped JSON requests (${RUNS.shaped} cases)`, (t) => {
    const tally = fuzzCases(request, RUNS.shaped, (body) => check(body, 'json'));
    t.diagnostic(describeTally(tally));
  });

  it('never throws on attributes nested thousands deep (200 cases)', (t) => {
    const span = (value: string) => `{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"x","startTimeUnixNano":"1544712660000000000","endTimeUnixNano":"1544712661000000000","attributes":[{"key":"a","value":${value}}]}`;
    const tally = fuzzCases(deeplyNestedJson, 200, (value) => check(Buffer.from(`{"resourceSpans":[{"scopeSpans":[{"spans":[${span(value)}]}]}]}`), 'json'));
    t.diagnostic(describeTally(tally));
  });

  it(`never throws on real JSON requests mutated (${RUNS.mutatedJson} cases from ${jsonSamples.length} requests)`, (t) => {
    assert.ok(jsonSamples.length >= 3);
    const tally = fuzzCases(mutatedSamples(jsonSamples), RUNS.mutatedJson, (body) => check(body, 'json'));
    t.diagnostic(describeTally(tally));
  });

  it(`never throws on real protobuf requests mutated (${RUNS.mutatedProtobuf} cases from ${protobufSamples.length} requests)`, (t) => {
    assert.ok(protobufSamples.length >= 2);
    const tally = fuzzCases(mutatedSamples(protobufSamples), RUNS.mutatedProtobuf, (body) => check(body, 'protobuf'));
    t.diagnostic(describeTally(tally));
  });
});
