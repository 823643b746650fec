const NICE_SECONDS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 604800, 2592000];

/**
 * A bucket size for a histogram over [from, to) (epoch microseconds): the
 * smallest round interval that gives at most `target` buckets, as Kibana's
 * Discover picks one.
 *
 * @example
 * autoInterval(0, 3600e6) // 60 (one-minute buckets for an hour)
 */
export function autoInterval(from: number, to: number, target = 60): number {
  const seconds = Math.max(1, (to - from) / 1e6);
  return NICE_SECONDS.find((s) => seconds / s <= target) ?? NICE_SECONDS[NICE_SECONDS.length - 1]!;
}

/** An interval as text: `30s`, `5m`, `1h`, `1d`. */
export function formatInterval(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}
