import { TEXT_BLOOM_BITS_PER_CHAR, TEXT_BLOOM_SIZES, TEXT_INDEX_SCHEME, logBlocksTable, needleGrams, textBloomPositions, type Signal } from '@tinsel/model';
import { ident, join, sql, type Sql, type Store } from '@tinsel/store';
import { isoToMicros } from './tql-cursor.ts';
import type { TqlFilter } from './tql-ast.ts';

/** Time ranges (epoch microseconds, both ends inclusive) that hold every row a query's text can match. */
export type TextScope = readonly (readonly [number, number])[];

// Each range becomes one branch of a UNION ALL; past this many the smallest
// gaps between ranges are scanned too, which costs rows but not branches.
const MAX_RANGES = 32;
// When this share of the blocks in range may hold the text, a plain scan is as fast.
const MAX_CANDIDATE_SHARE = 0.5;

/**
 * Consults the logs' full-text index (log_blocks) for the bare words and
 * phrases a query requires (those ANDed at its top level) and returns the
 * time ranges worth scanning, or null when the index cannot narrow the
 * scan: another signal, no required text, text without a run of three
 * letters or digits, no index over the range, or too many candidate
 * blocks. The ranges only narrow where rows are read; the query's own
 * predicate still decides every match. Blocks without a filter (events
 * stored before the index) are always candidates.
 *
 * @example
 * const scope = await findTextScope(store, 'logs', parsed.filter, from, to); // [[t1, t2], …] or null
 */
export async function findTextScope(store: Store, signal: Signal, filter: TqlFilter, from: number, to: number): Promise<TextScope | null> {
  if (signal !== 'logs') return null;
  const grams = requiredGrams(filter);
  if (grams.length === 0) return null;
  const { dialect } = store;
  const blocks = ident(logBlocksTable.name);
  const inRange = sql`max_time >= ${dialect.timestamp(from)} AND min_time < ${dialect.timestamp(to)}`;
  // The filters are tested where they are stored, so only candidates come
  // back; first the filter sizes present, so the test has a branch for those alone.
  const sizes = await store.query(sql`SELECT length(bloom) AS chars, count(*) AS n FROM ${blocks} WHERE ${inRange} GROUP BY length(bloom)`);
  const total = sizes.reduce((sum, row) => sum + Number(row.n), 0);
  if (total === 0) return null;
  const present = TEXT_BLOOM_SIZES.filter((bits) => sizes.some((row) => Number(row.chars) === storedLength(bits)));
  const candidates = await store.query(sql`SELECT min_time, max_time FROM ${blocks}
    WHERE ${inRange} AND (scheme <> ${TEXT_INDEX_SCHEME} OR bloom IS NULL OR ${bloomMayHold(grams, present)})`);
  if (candidates.length > total * MAX_CANDIDATE_SHARE && total > 1) return null;
  const ranges: [number, number][] = [];
  for (const block of candidates) {
    const min = isoToMicros(String(block.min_time));
    const max = isoToMicros(String(block.max_time));
    if (min === null || max === null) return null;
    ranges.push([Math.max(min, from), Math.min(max, to - 1)]);
  }
  return mergeRanges(ranges, MAX_RANGES);
}

// Grams tested per query: any subset of a needle's grams prunes safely, and
// a long needle would otherwise make a long predicate for little gain.
const MAX_TESTED_GRAMS = 16;

/**
 * True unless the block's filter (octal text, see encodeTextBloom) lacks a
 * bit of one of the grams. The bits a gram sets depend on the filter's
 * size, so there is one branch per size among `sizes` (told apart by the
 * text's length); a filter of any other size is a candidate. Each test reads one character,
 * as a number: an IN list of digits would be plainer, but DuckDB turns
 * hundreds of IN lists into joins and runs out of memory.
 */
function bloomMayHold(grams: readonly number[], sizes: readonly number[]): Sql {
  const tested = grams.length <= MAX_TESTED_GRAMS ? grams : Array.from({ length: MAX_TESTED_GRAMS }, (_, i) => grams[Math.floor((i * grams.length) / MAX_TESTED_GRAMS)]!);
  const lengths = TEXT_BLOOM_SIZES.map(storedLength);
  // OR of guarded branches rather than CASE length(bloom) WHEN …: older
  // ClickHouse turns that CASE into transform(), which wants constant results.
  const branches = sizes.map((bits) => {
    const tests = [...new Set(tested.flatMap((gram) => textBloomPositions(gram, bits)))].map(bitTest);
    return sql`(length(bloom) = ${storedLength(bits)} AND ${join(tests, sql` AND `)})`;
  });
  const otherSize = join(lengths.map((length) => sql`length(bloom) <> ${length}`), sql` AND `);
  return sql`(${join([...branches, sql`(${otherSize})`], sql` OR `)})`;
}

/** Characters of a stored filter of `bits` bits. */
function storedLength(bits: number): number {
  return Math.ceil(bits / TEXT_BLOOM_BITS_PER_CHAR);
}

/**
 * Bit `b` is worth 2^(b % 3) in the octal digit at (1-based) position
 * b / 3 + 1. The leading '0' keeps the cast valid where a store evaluates
 * the branch of another size, or of a null filter, and reads past the end
 * (ClickHouse does).
 */
function bitTest(bit: number): Sql {
  const k = bit % TEXT_BLOOM_BITS_PER_CHAR;
  return sql`CAST(concat('0', substr(coalesce(bloom, ''), ${Math.floor(bit / TEXT_BLOOM_BITS_PER_CHAR) + 1}, 1)) AS INTEGER) % ${2 << k} >= ${1 << k}`;
}

/** The grams of every bare word or phrase the whole filter requires (a row must match each). */
function requiredGrams(filter: TqlFilter): number[] {
  const terms = filter.kind === 'text' ? [filter] : filter.kind === 'and' ? filter.items.filter((f) => f.kind === 'text') : [];
  return [...new Set(terms.flatMap((term) => needleGrams(term.value.text)))];
}

/** Sorted, overlapping and touching ranges joined, then the nearest joined until at most `max` remain. */
export function mergeRanges(ranges: readonly (readonly [number, number])[], max: number): TextScope {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  while (merged.length > max) {
    let best = 0;
    for (let i = 1; i < merged.length - 1; i++) if (merged[i + 1]![0] - merged[i]![1] < merged[best + 1]![0] - merged[best]![1]) best = i;
    merged[best]![1] = merged[best + 1]![1];
    merged.splice(best + 1, 1);
  }
  return merged;
}

/**
 * The table narrowed to a scope: one branch per range, so that the store
 * reads only those stretches of its time column (DuckDB skips row groups by
 * a plain range, but not by an OR of ranges).
 */
export function scopedSource(table: string, timeColumn: string, scope: TextScope, timestamp: (micros: number) => Sql): Sql {
  const time = ident(timeColumn);
  if (scope.length === 0) return sql`(SELECT * FROM ${ident(table)} WHERE FALSE) AS ${ident(table)}`;
  const branches = scope.map(([lo, hi]) => sql`SELECT * FROM ${ident(table)} WHERE ${time} >= ${timestamp(lo)} AND ${time} <= ${timestamp(hi)}`);
  return sql`(${join(branches, sql` UNION ALL `)}) AS ${ident(table)}`;
}
