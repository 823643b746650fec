import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { describeTally, fuzzCases } from '../fuzz-cases.ts';
import { deeplyNestedJson, mutatedSamples, readSamples } from '../fuzz-input.ts';
import { decodeClefLines } from './decode-clef-lines.ts';
import type { DecodedLogs } from './log-decode-options.ts';

const samples = [
  ...readSamples('/work/shared/samples', /^clef-.*\.jsonl$/),
  ...readSamples(join(import.meta.dirname, '../../../fixtures/logs'), /\.clef$/),
  ...readSamples(join(import.meta.dirname, '../../../fixtures/es-bulk'), /\.ndjson$/),
];
const options = { source: 'fuzz', receivedAt: 1_795_666_800_000_000 };

/** Every line is a row or a rejection with its line number and reason. */
function checkDecoded(text: string, decoded: DecodedLogs): void {
  const lines = text.split('\n').length;
  for (const rejected of decoded.rejected) {
    assert.ok(rejected.reason.length > 0, 'a rejection carries a reason');
    assert.ok(Number.isInteger(rejected.position) && rejected.position >= 1 && rejected.position <= lines, `position ${rejected.position} of ${lines} lines`);
  }
  // The store's timestamp column holds 1970 to 9999.
  for (const record of decoded.records) assert.ok(Number.isInteger(record.timestamp) && record.timestamp >= 0 && record.timestamp < 253_402_300_800_000_000, `timestamp ${record.timestamp}`);
}

function checkBoth(text: string): void {
  checkDecoded(text, decodeClefLines(text, options));
  checkDecoded(text, decodeClefLines(text, { ...options, plainJson: true }));
}

// CLEF's reified keys with values of every type; templates full of braces and format specifiers.
const template = fc.stringMatching(/^[a-z {}@$:,.0-9-]{0,40}$/);
const clefKey = fc.constantFrom('@t', '@mt', '@m', '@l', '@x', '@i', '@r', '@tr', '@sp', '@@User', 'User', 'Elapsed', 'level', 'msg', 'time', 'trace_id', 'TraceId');
const clefValue = fc.oneof(
  template,
  fc.constantFrom('2016-06-07T03:44:57.8532799Z', '2016-13-45T99:99:99Z', '', 'Warning', 'fatal', '5759E988BD862E3FE1BE46A994272793', 1e308, -0, 1795666860123),
  fc.jsonValue({ maxDepth: 2 }),
);
const clefEvent = fc.dictionary(clefKey, clefValue, { maxKeys: 10 }).map((event) => JSON.stringify(event));
const body = fc.array(fc.oneof(clefEvent, fc.string({ maxLength: 40 })), { maxLength: 8 }).map((lines) => lines.join('\n'));

const RUNS = { arbitrary: 2_000, shaped: 3_000, mutated: 5_000 };

describe(`CLEF and NDJSON line decoding under fuzzing (${RUNS.arbitrary + RUNS.shaped + RUNS.mutated} cases, each as CLEF and as NDJSON)`, () => {
  it(`never throws on arbitrary text (${RUNS.arbitrary} cases)`, (t) => {
    const tally = fuzzCases(fc.string({ maxLength: 400, unit: 'binary' }), RUNS.arbitrary, checkBoth);
    t.diagnostic(describeTally(tally));
  });

  it(`never throws on lines of CLEF-shaped events (${RUNS.shaped} cases)`, (t) => {
    const tally = fuzzCases(body, RUNS.shaped, checkBoth);
    t.diagnostic(describeTally(tally));
  });

  it('never throws on properties nested thousands deep (200 cases)', (t) => {
    const tally = fuzzCases(deeplyNestedJson, 200, (value) => checkBoth(`{"@t":"2024-03-01T10:15:30Z","@mt":"{A}","A":${value}}\n{"msg":"x","p":${value}}`));
    t.diagnostic(describeTally(tally));
  });

  it('rejects epoch times past the year 9999 (read as nanoseconds) instead of storing them (1,000 cases)', (t) => {
    const tally = fuzzCases(fc.double({ min: 2.6e20, noNaN: true, noDefaultInfinity: true }), 1_000, (time) => {
      const decoded = decodeClefLines(JSON.stringify({ msg: 'x', time }), { ...options, plainJson: true });
      checkDecoded('', decoded);
      assert.equal(decoded.records.length, 0, `time ${time} was stored`);
    });
    t.diagnostic(describeTally(tally));
  });

  it('never lets a template multiply an event past a bounded message (30 cases)', (t) => {
    // Repeated or over-aligned holes of a large property: each event is under the 256 KB limit.
    const hostile = fc.record({ holes: fc.integer({ min: 1, max: 40_000 }), size: fc.integer({ min: 1, max: 100_000 }), alignment: fc.constantFrom('', ',300000000', ',-99999999999999999999') });
    const tally = fuzzCases(hostile, 30, ({ holes, size, alignment }) => {
      const line = JSON.stringify({ '@t': '2024-03-01T10:15:30Z', '@mt': `{A${alignment}}`.repeat(Math.min(holes, Math.floor(120_000 / (alignment.length + 3)))), A: 'x'.repeat(size) });
      const [record] = decodeClefLines(line, options).records;
      assert.ok(record?.message != null && record.message.length <= 1024 * 1024 + 1, `message of ${record?.message?.length} characters`);
    });
    t.diagnostic(describeTally(tally));
  });

  it(`never throws on real event files mutated (${RUNS.mutated} cases from ${samples.length} files)`, (t) => {
    assert.ok(samples.length >= 3);
    const tally = fuzzCases(mutatedSamples(samples), RUNS.mutated, (bytes) => checkBoth(bytes.toString('utf8')));
    t.diagnostic(describeTally(tally));
  });
});
