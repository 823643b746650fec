// Time ranges as the address holds them (`-1h`, `now`, ISO instants),
// resolved in the browser so charts can lay out their buckets.

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * Epoch milliseconds of `now`, a relative time (`-15m`, `-2h`, `-7d`) or an
 * ISO-8601 instant; null when the text is none of these.
 *
 * @example resolveTime('-1h', Date.parse('2026-11-26T05:00:00Z')) // Date.parse('2026-11-26T04:00:00Z')
 */
export function resolveTime(text: string, nowMs: number): number | null {
  const trimmed = text.trim();
  if (trimmed === 'now' || trimmed === '') return nowMs;
  const relative = /^([+-])(\d+(?:\.\d+)?)([smhdw])$/.exec(trimmed);
  if (relative) return nowMs + (relative[1] === '-' ? -1 : 1) * Number(relative[2]) * UNIT_MS[relative[3]!]!;
  const parsed = Date.parse(trimmed);
  return Number.isNaN(parsed) ? null : parsed;
}

const BUCKETS_S = [10, 30, 60, 120, 300, 600, 900, 1800, 3600, 10_800, 21_600, 43_200, 86_400];

/**
 * The smallest round bucket that cuts the range into at most `maxBuckets`.
 *
 * @example bucketSeconds(3_600_000) // 60
 */
export function bucketSeconds(rangeMs: number, maxBuckets = 90): number {
  return BUCKETS_S.find((s) => rangeMs / (s * 1000) <= maxBuckets) ?? 86_400 * Math.ceil(rangeMs / 86_400_000 / maxBuckets);
}

/** A bucket size as TQL writes a timechart span: 60 → `1m`. */
export function spanText(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/** Bucket starts (epoch seconds) covering [fromMs, toMs), aligned to the bucket size as the server aligns them. */
export function bucketStarts(fromMs: number, toMs: number, seconds: number): number[] {
  const starts: number[] = [];
  for (let t = Math.floor(fromMs / 1000 / seconds) * seconds; t * 1000 < toMs; t += seconds) starts.push(t);
  return starts;
}
