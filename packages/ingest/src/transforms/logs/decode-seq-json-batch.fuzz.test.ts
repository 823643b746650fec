import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { describeTally, fuzzCases } from '../fuzz-cases.ts';
import { deeplyNestedJson, mutatedSamples } from '../fuzz-input.ts';
import { decodeSeqJsonBatch } from './decode-seq-json-batch.ts';

const options = { source: 'fuzz', receivedAt: 1_795_666_800_000_000 };

// Batches as seq-logging, pino-seq and winston-seq send them.
const samples = [
  {
    Events: [
      { Timestamp: '2024-03-01T10:15:30.123Z', Level: 'Warning', MessageTemplate: 'Order {OrderId} for {@Customer}', Exception: 'Error: x\n    at y', TraceId: '5759e988bd862e3fe1be46a994272793', SpanId: '53995c3f42cd8ad8', Properties: { OrderId: 7, Customer: { Name: 'Ada' } } },
      { Timestamp: '2024-03-01T10:15:31Z', Level: 'Information', MessageTemplate: 'Took {Elapsed:0.00} ms', Properties: { Elapsed: 12.3456, Application: 'checkout' } },
    ],
  },
  { Events: [{ Timestamp: '2024-03-01T10:15:32.000+01:00', Level: 'Error', RenderedMessage: 'failed', MessageTemplate: 'failed {Reason}', Properties: { Reason: ['a', 'b'] } }] },
  { Events: [] },
].map((batch) => Buffer.from(JSON.stringify(batch)));

function check(text: string): void {
  const decoded = decodeSeqJsonBatch(text, options);
  if (!decoded.ok) {
    assert.ok(decoded.reason.length > 0, 'a refused body carries a reason');
    return;
  }
  for (const rejected of decoded.value.rejected) {
    assert.ok(rejected.reason.length > 0, 'a rejected event carries a reason');
    assert.ok(Number.isInteger(rejected.position) && rejected.position >= 1);
  }
}

const key = fc.constantFrom('Timestamp', 'Level', 'MessageTemplate', 'RenderedMessage', 'Exception', 'Properties', 'TraceId', 'SpanId', 'EventType');
const value = fc.oneof(fc.stringMatching(/^[a-z {}@:.0-9]{0,30}$/), fc.constantFrom('2024-03-01T10:15:30Z', 'Verbose', 'not a date', 1e308), fc.jsonValue({ maxDepth: 2 }));
const batch = fc
  .array(fc.oneof(fc.dictionary(key, value, { maxKeys: 8 }), fc.jsonValue({ maxDepth: 1 })), { maxLength: 6 })
  .chain((events) => fc.constantFrom<unknown>({ Events: events }, { Events: events[0] ?? null }, events))
  .map((b) => JSON.stringify(b));

const RUNS = { arbitrary: 2_000, shaped: 3_000, mutated: 5_000 };

describe(`Seq JSON batch decoding under fuzzing (${RUNS.arbitrary + RUNS.shaped + RUNS.mutated} cases)`, () => {
  it(`never throws on arbitrary text (${RUNS.arbitrary} cases)`, (t) => {
    const tally = fuzzCases(fc.string({ maxLength: 400, unit: 'binary' }), RUNS.arbitrary, check);
    t.diagnostic(describeTally(tally));
  });

  it(`never throws on batches of Seq-shaped events (${RUNS.shaped} cases)`, (t) => {
    const tally = fuzzCases(batch, RUNS.shaped, check);
    t.diagnostic(describeTally(tally));
  });

  it('never throws on properties nested thousands deep (200 cases)', (t) => {
    const tally = fuzzCases(deeplyNestedJson, 200, (value) => check(`{"Events":[{"Timestamp":"2024-03-01T10:15:30Z","MessageTemplate":"{A}","Properties":{"A":${value}}}]}`));
    t.diagnostic(describeTally(tally));
  });

  it(`never throws on real batches mutated (${RUNS.mutated} cases)`, (t) => {
    const tally = fuzzCases(mutatedSamples(samples), RUNS.mutated, (bytes) => check(bytes.toString('utf8')));
    t.diagnostic(describeTally(tally));
  });
});
