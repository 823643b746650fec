import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { describeTally, fuzzCases } from '../fuzz-cases.ts';
import { deeplyNestedJson, mutatedSamples, readSamples } from '../fuzz-input.ts';
import type { OtlpEncoding } from '../otlp/otlp-trace-batch.ts';
import { decodeOtlpLogs } from './decode-otlp-logs.ts';
import { otlpLogsProto } from './otlp-logs-proto.ts';

const options = { source: 'otlp', receivedAt: 1_795_666_800_000_000 };
const jsonSamples = readSamples('/work/shared/samples/otlp', /^(logs|events)\.json$/);

/** The same request as protobuf bytes: hex ids become bytes. */
function asProtobuf(json: unknown): Buffer {
  const convert = (value: unknown, key: string): unknown => {
    if ((key === 'traceId' || key === 'spanId') && typeof value === 'string') return Buffer.from(value, 'hex');
    if (Array.isArray(value)) return value.map((v) => convert(v, ''));
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v, k)]));
  };
  return Buffer.from(otlpLogsProto.request.encode(otlpLogsProto.request.fromObject(convert(json, '') as Record<string, unknown>)).finish());
}
const protobufSamples = jsonSamples.map((sample) => asProtobuf(JSON.parse(sample.toString('utf8'))));

function check(body: Buffer, encoding: OtlpEncoding): void {
  const decoded = decodeOtlpLogs(body, encoding, options);
  if (!decoded.ok) {
    assert.ok(decoded.reason.length > 0, 'a refused body carries a reason');
    return;
  }
  for (const rejected of decoded.value.rejected) {
    assert.ok(rejected.reason.length > 0, 'a rejected record carries a reason');
    assert.ok(Number.isInteger(rejected.position) && rejected.position >= 1);
  }
  for (const record of decoded.value.records) {
    assert.ok(Number.isInteger(record.timestamp) && record.timestamp >= 0 && record.timestamp < 253_402_300_800_000_000, `timestamp ${record.timestamp}`);
  }
}

// Requests with OTLP's containers and log record fields, values of any type where the spec says one.
const anyOf = <T>(typical: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 4, arbitrary: typical }, fc.jsonValue({ maxDepth: 1 }));
const anyValue = fc.oneof(fc.record({ stringValue: fc.string() }), fc.record({ intValue: fc.constantFrom('1', '-9223372036854775808', 'x') }), fc.record({ kvlistValue: fc.record({ values: fc.array(fc.record({ key: fc.string(), value: fc.record({ boolValue: fc.boolean() }) }), { maxLength: 2 }) }) }));
const logRecord = fc.record(
  {
    timeUnixNano: anyOf(fc.constantFrom('1544712660300000000', '0', '99999999999999999999999', '-1', '1e30')),
    observedTimeUnixNano: anyOf(fc.constantFrom('1544712660300000000', '')),
    severityNumber: anyOf(fc.integer({ min: -1, max: 30 })),
    severityText: anyOf(fc.constantFrom('Information', 'ERROR', '')),
    body: anyOf(anyValue),
    attributes: anyOf(fc.array(fc.record({ key: fc.string(), value: anyValue }), { maxLength: 3 })),
    traceId: anyOf(fc.constantFrom('5b8efff798038103d269b633813fc60c', 'zz', '')),
    spanId: anyOf(fc.constantFrom('eee19b7ec3c1b174', '')),
  },
  { requiredKeys: [] },
);
const request = fc
  .array(fc.record({ resource: anyOf(fc.record({ attributes: fc.array(fc.record({ key: fc.constant('service.name'), value: anyValue }), { maxLength: 1 }) })), scopeLogs: anyOf(fc.array(fc.record({ logRecords: anyOf(fc.array(logRecord, { maxLength: 3 })) }), { maxLength: 2 })) }, { requiredKeys: [] }), { maxLength: 2 })
  .map((resourceLogs) => Buffer.from(JSON.stringify({ resourceLogs })));

const RUNS = { arbitraryJson: 1_000, arbitraryProtobuf: 1_500, shaped: 2_500, mutatedJson: 3_000, mutatedProtobuf: 3_000 };
const TOTAL = Object.values(RUNS).reduce((a, b) => a + b, 0);

describe(`OTLP log decoding under fuzzing (${TOTAL} cases)`, () => {
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

  it('never throws on bodies nested thousands deep (200 cases)', (t) => {
    const tally = fuzzCases(deeplyNestedJson, 200, (value) => check(Buffer.from(`{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":"1544712660300000000","body":${value}}]}]}]}`), 'json'));
    t.diagnostic(describeTally(tally));
  });

  it(`never throws on real JSON requests mutated (${RUNS.mutatedJson} cases from ${jsonSamples.length} requests)`, (t) => {
    assert.ok(jsonSamples.length >= 2);
    const tally = fuzzCases(mutatedSamples(jsonSamples), RUNS.mutatedJson, (body) => check(body, 'json'));
    t.diagnostic(describeTally(tally));
  });

  it(`never throws on real protobuf requests mutated (${RUNS.mutatedProtobuf} cases from ${protobufSamples.length} requests)`, (t) => {
    const tally = fuzzCases(mutatedSamples(protobufSamples), RUNS.mutatedProtobuf, (body) => check(body, 'protobuf'));
    t.diagnostic(describeTally(tally));
  });
});
