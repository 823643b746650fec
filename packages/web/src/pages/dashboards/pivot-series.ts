// Turns timechart rows (one per bucket and group) into the aligned arrays a
// chart draws: one value per bucket for each of the busiest groups, the rest
// summed as "other" where a sum means something (counts, not percentiles).

/** One line of a chart. `key` is the group's value, or OTHER / TOTAL. */
export interface Series {
  key: string;
  values: (number | null)[];
}

/** Key of the series that sums the groups left out. */
export const OTHER = '\u0000other';
/** Key of the only series when nothing is broken down. */
export const TOTAL = '\u0000total';
/** Key of rows whose group value is missing. */
export const NONE = '\u0000none';

export interface PivotOptions {
  /** Bucket starts, epoch seconds, oldest first. */
  buckets: number[];
  /** The group a row belongs to; TOTAL when not broken down. */
  keyOf: (row: Record<string, unknown>) => string;
  valueOf: (row: Record<string, unknown>) => number | null;
  /** How many groups to keep. */
  limit: number;
  /** 'sum' adds up rows of one group and bucket and gathers the rest as OTHER; 'drop' keeps the last value and leaves the rest out. */
  merge: 'sum' | 'drop';
  /** Order groups by these totals instead of their own (so every chart shows the same groups). */
  rank?: Map<string, number>;
  /** Value of a bucket with no row: 0 for counts, null (a gap) for latencies. */
  empty: number | null;
}

/** Epoch seconds of an ISO timestamp the API returned. */
export function epochSeconds(iso: unknown): number {
  return Math.floor(Date.parse(String(iso)) / 1000);
}

/** The group key of a field's value: NONE for a missing one. */
export function groupKey(value: unknown): string {
  return value === null || value === undefined || value === '' ? NONE : String(value);
}

/** Sums of a value per group, for ranking groups. */
export function totalsBy(rows: Record<string, unknown>[], keyOf: PivotOptions['keyOf'], valueOf: PivotOptions['valueOf']): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(keyOf(row), (totals.get(keyOf(row)) ?? 0) + (valueOf(row) ?? 0));
  return totals;
}

/**
 * Aligned series from timechart rows.
 *
 * @example pivot(rows, { buckets, keyOf: (r) => groupKey(r.az), valueOf: (r) => Number(r.count), limit: 8, merge: 'sum', empty: 0 })
 */
export function pivot(rows: Record<string, unknown>[], options: PivotOptions): Series[] {
  const index = new Map(options.buckets.map((b, i) => [b, i]));
  const rank = options.rank ?? totalsBy(rows, options.keyOf, options.valueOf);
  const kept = [...rank.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, options.limit).map(([key]) => key);
  const keptSet = new Set(kept);
  const series = new Map<string, (number | null)[]>();
  const line = (key: string) => {
    let values = series.get(key);
    if (!values) series.set(key, (values = options.buckets.map(() => options.empty)));
    return values;
  };
  for (const key of kept) line(key);
  for (const row of rows) {
    const at = index.get(epochSeconds(row.time));
    const value = options.valueOf(row);
    if (at === undefined || value === null) continue;
    const own = options.keyOf(row);
    const key = keptSet.has(own) ? own : options.merge === 'sum' ? OTHER : null;
    if (key === null) continue;
    const values = line(key);
    values[at] = options.merge === 'sum' ? (values[at] ?? 0) + value : value;
  }
  return [...kept, ...(series.has(OTHER) ? [OTHER] : [])].map((key) => ({ key, values: series.get(key)! }));
}

/** Element-wise ratio of two aligned series lists matched by key (null where the denominator is 0). */
export function ratio(numerators: Series[], denominators: Series[]): Series[] {
  const byKey = new Map(numerators.map((s) => [s.key, s.values]));
  return denominators.map((d) => ({
    key: d.key,
    values: d.values.map((total, i) => (total === null || total === 0 ? null : (byKey.get(d.key)?.[i] ?? 0) / total)),
  }));
}
