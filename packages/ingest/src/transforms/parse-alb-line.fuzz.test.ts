import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Result } from '@tinsel/model';
import { describeTally, fuzzCases } from './fuzz-cases.ts';
import { mutatedSamples, readSamples } from './fuzz-input.ts';
import { parseAlbLine } from './parse-alb-line.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/alb');
const SHARED = '/work/shared/samples';
const lines = [...readSamples(FIXTURES, /\.log$/), ...readSamples(SHARED, /^alb-.*\.txt$/)]
  .flatMap((file) => file.toString('utf8').split('\n'))
  .filter((line) => line.trim() !== '')
  .map((line) => Buffer.from(line));

/** A line is either a row or a refusal that says why. */
function check(result: Result<unknown>): void {
  if (result.ok) assert.equal(typeof result.value, 'object');
  else assert.ok(typeof result.reason === 'string' && result.reason.length > 0, 'a refusal carries a reason');
}

// Fields shaped like ALB's: quoted strings, endpoints, times, numbers, dashes.
const field = fc.oneof(
  fc.constantFrom('-', 'http', 'https', 'h2', 'ws', 'wss', '"-"', '""', '"GET http://a:80/ HTTP/1.1"', '192.168.131.39:2817', '[::1]:80', '2018-07-02T22:23:00.186641Z', '-1', '0.000', '200', 'Root=1-58337262-36d228ad5d99923122bbe354'),
  fc.string({ maxLength: 30 }).map((s) => `"${s}"`),
  fc.string({ maxLength: 20 }),
  fc.integer().map(String),
);
const shapedLine = fc.array(field, { maxLength: 40 }).map((fields) => fields.join(' '));

const RUNS = { arbitrary: 3_000, shaped: 3_000, mutated: 6_000 };

describe(`parseAlbLine under fuzzing (${RUNS.arbitrary + RUNS.shaped + RUNS.mutated} cases)`, () => {
  it(`never throws on arbitrary text (${RUNS.arbitrary} cases)`, (t) => {
    const tally = fuzzCases(fc.string({ maxLength: 600, unit: 'binary' }), RUNS.arbitrary, (line) => check(parseAlbLine(line, 'fuzz')));
    t.diagnostic(describeTally(tally));
  });

  it(`never throws on lines of ALB-shaped fields (${RUNS.shaped} cases)`, (t) => {
    const tally = fuzzCases(shapedLine, RUNS.shaped, (line) => check(parseAlbLine(line, 'fuzz')));
    t.diagnostic(describeTally(tally));
  });

  it(`never throws on real lines mutated (${RUNS.mutated} cases from ${lines.length} lines)`, (t) => {
    assert.ok(lines.length > 10);
    const tally = fuzzCases(mutatedSamples(lines), RUNS.mutated, (bytes) => check(parseAlbLine(bytes.toString('utf8'), 'fuzz')));
    t.diagnostic(describeTally(tally));
  });
});
