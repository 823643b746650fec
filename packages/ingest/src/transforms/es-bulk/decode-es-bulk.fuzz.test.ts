import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { describeTally, fuzzCases } from '../fuzz-cases.ts';
import { deeplyNestedJson, mutatedSamples, readSamples } from '../fuzz-input.ts';
import { decodeEsBulk } from './decode-es-bulk.ts';
import { encodeEsBulkResponse } from './encode-es-bulk-response.ts';

const samples = readSamples(join(import.meta.dirname, '../../../fixtures/es-bulk'), /\.ndjson$/);
const options = { defaultIndex: 'logs', receivedAt: 1_795_666_800_000_000, idPrefix: 'fuzz-' };

/** A refusal explains itself; an answer has an item per action, and each dead letter its line and reason. */
function check(body: string): void {
  const outcome = decodeEsBulk(body, options);
  if (!outcome.ok) {
    assert.ok(outcome.error.type.length > 0 && outcome.error.reason.length > 0, 'a refused body carries a type and reason');
    return;
  }
  const { items, records, rejected } = outcome.value;
  const lines = body.split('\n').length;
  for (const entry of rejected) {
    assert.ok(entry.reason.length > 0, 'a dead letter carries a reason');
    assert.ok(Number.isInteger(entry.position) && entry.position >= 1 && entry.position <= lines, `position ${entry.position} of ${lines} lines`);
  }
  for (const item of items) if (item.error !== null) assert.ok(item.error.reason.length > 0);
  for (const record of records) assert.ok(Number.isInteger(record.timestamp) && record.timestamp >= 0);
  assert.equal((JSON.parse(encodeEsBulkResponse(items, 1, () => 0)) as { items: unknown[] }).items.length, items.length);
}

const RUNS = { arbitrary: 3_000, mutated: 8_000 };

describe(`Elasticsearch _bulk decoding under fuzzing (${RUNS.arbitrary + RUNS.mutated} cases)`, () => {
  it(`never throws on arbitrary text (${RUNS.arbitrary} cases)`, (t) => {
    const tally = fuzzCases(fc.string({ maxLength: 400, unit: 'binary' }), RUNS.arbitrary, check);
    t.diagnostic(describeTally(tally));
  });

  it('never throws on documents and actions nested thousands deep (200 cases)', (t) => {
    const tally = fuzzCases(deeplyNestedJson, 200, (value) => check(`{"index":{}}\n{"message":"x","fields":${value}}\n{"index":${value}}\n{}\n`));
    t.diagnostic(describeTally(tally));
  });

  it(`never throws on real bulk bodies mutated (${RUNS.mutated} cases from ${samples.length} bodies)`, (t) => {
    assert.ok(samples.length >= 5);
    const tally = fuzzCases(mutatedSamples(samples), RUNS.mutated, (bytes) => check(bytes.toString('utf8')));
    t.diagnostic(describeTally(tally));
  });
});
