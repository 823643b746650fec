import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';

/**
 * A hang guard, not a speed target: one case of a few kilobytes taking a
 * second means a loop that does not end or grows without bound.
 */
export const HANG_BOUND_MS = 1_000;

/** What a fuzz run tried, for the test's diagnostic line. */
export interface FuzzTally {
  cases: number;
  slowestMs: number;
}

/**
 * Runs `check` on `numRuns` inputs (times TINSEL_FUZZ_SCALE, when set) from `input`, failing on any throw or on
 * a case slower than HANG_BOUND_MS, and returns how many cases ran and the
 * slowest.
 */
export function fuzzCases<T>(input: fc.Arbitrary<T>, numRuns: number, check: (value: T) => void, seed?: number): FuzzTally {
  // TINSEL_FUZZ_SCALE=20 turns the routine run into a longer soak.
  const runs = Math.max(1, Math.round(numRuns * Number(process.env.TINSEL_FUZZ_SCALE ?? 1))) || numRuns;
  const tally: FuzzTally = { cases: 0, slowestMs: 0 };
  fc.assert(
    fc.property(input, (value) => {
      const start = performance.now();
      check(value);
      const took = performance.now() - start;
      tally.cases += 1;
      tally.slowestMs = Math.max(tally.slowestMs, took);
      assert.ok(took < HANG_BOUND_MS, `one case took ${Math.round(took)} ms`);
    }),
    { numRuns: runs, ...(seed === undefined ? {} : { seed }) },
  );
  return tally;
}

/** The diagnostic line a fuzz test prints. */
export function describeTally(tally: FuzzTally): string {
  return `${tally.cases} cases, slowest ${tally.slowestMs.toFixed(1)} ms`;
}
