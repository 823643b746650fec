import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { signals } from '@tinsel/model';
import { compileTql } from './compile-tql.ts';
import { parseTql } from './parse-tql.ts';
import { standInDialect } from './stand-in-dialect.test-support.ts';

// Every query written in the language guide, inline or in a block.
const guide = readFileSync(join(import.meta.dirname, '../../../../docs/query-language.md'), 'utf8');
const queries = [...new Set([...guide.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? '').concat(guide.split('```')[1]?.split('\n') ?? []).filter((q) => q.trim() !== ''))];

// Characters and words that change how TQL reads what follows.
const TOKENS = ['"', '\\', '(', ')', '[', ']', '{', '}', ':', '|', '*', '?', '-', ' AND ', ' OR ', 'NOT ', ' TO ', '>=', '<', '1e400', 'stats', 'by', ',', '\u0000', '\n'];

const mutation = fc.tuple(fc.constantFrom('flip', 'truncate', 'duplicate', 'delete', 'insert', 'splice'), fc.nat(), fc.nat(), fc.nat());
const mutatedQuery = fc.tuple(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([pick, changes]) =>
  changes.reduce((text, [kind, a, b, c]) => {
    const at = a % (text.length + 1);
    if (kind === 'flip') return text.slice(0, at) + String.fromCharCode((text.charCodeAt(at) || 32) ^ ((b % 127) + 1)) + text.slice(at + 1);
    if (kind === 'truncate') return text.slice(0, at);
    if (kind === 'duplicate') return text.slice(0, at) + text.slice(b % (text.length + 1), (b % (text.length + 1)) + (c % 40)) + text.slice(at);
    if (kind === 'delete') return text.slice(0, at) + text.slice(at + (b % 10));
    if (kind === 'insert') return text.slice(0, at) + (TOKENS[b % TOKENS.length] ?? '') + text.slice(at);
    const other = queries[b % queries.length] ?? '';
    return text.slice(0, at) + other.slice(c % (other.length + 1));
  }, queries[pick % queries.length] ?? ''),
);

const dialect = standInDialect;

const range = { from: 1_700_000_000_000_000, to: 1_700_000_360_000_000, limit: 100, nowMs: 1_700_000_400_000 };
const HANG_BOUND_MS = 1_000;

/** Parses and compiles for every signal; a refusal names a reason and a column inside the query. */
function check(text: string): number {
  const start = performance.now();
  const parsed = parseTql(text);
  if (!parsed.ok) {
    assert.ok(parsed.reason.length > 0 && parsed.column >= 1 && parsed.column <= text.length + 1, `refusal of ${JSON.stringify(text)}`);
  } else {
    for (const signal of signals) {
      const compiled = compileTql(dialect, parsed.value, { signal, ...range });
      if (!compiled.ok) assert.ok(compiled.reason.length > 0 && compiled.column >= 1 && compiled.column <= text.length + 1, `refusal of ${JSON.stringify(text)}`);
    }
  }
  const took = performance.now() - start;
  assert.ok(took < HANG_BOUND_MS, `${JSON.stringify(text)} took ${Math.round(took)} ms`);
  return took;
}

/** Runs `check` over `numRuns` inputs; the diagnostic line says how many ran and the slowest. */
function fuzz(input: fc.Arbitrary<string>, numRuns: number): string {
  let cases = 0;
  let slowest = 0;
  fc.assert(
    fc.property(input, (text) => {
      slowest = Math.max(slowest, check(text));
      cases += 1;
    }),
    { numRuns },
  );
  return `${cases} cases, slowest ${slowest.toFixed(1)} ms`;
}

const RUNS = { arbitrary: 3_000, mutated: 7_000 };

describe(`TQL parse and compile under fuzzing (${RUNS.arbitrary + RUNS.mutated} cases)`, () => {
  it(`never throws on arbitrary text (${RUNS.arbitrary} cases)`, (t) => {
    t.diagnostic(fuzz(fc.string({ maxLength: 300, unit: 'grapheme-ascii' }), RUNS.arbitrary));
  });

  it(`never throws on the guide's queries mutated (${RUNS.mutated} cases from ${queries.length} queries)`, (t) => {
    assert.ok(queries.length > 30);
    t.diagnostic(fuzz(mutatedQuery, RUNS.mutated));
  });
});
