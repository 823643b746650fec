// Durations as people read them on a waterfall or a chart axis.

/**
 * A duration in milliseconds, with as many digits as its size deserves.
 *
 * @example formatMs(0.042) // '42 µs'
 * @example formatMs(1530) // '1.53 s'
 */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const abs = Math.abs(ms);
  if (abs === 0) return '0 ms';
  if (abs < 1) return `${round(ms * 1000, 3)} µs`;
  if (abs < 1000) return `${round(ms, 3)} ms`;
  if (abs < 60_000) return `${round(ms / 1000, 3)} s`;
  const minutes = Math.floor(abs / 60_000);
  const seconds = Math.round((abs % 60_000) / 1000);
  return `${ms < 0 ? '-' : ''}${minutes} min${seconds ? ` ${seconds} s` : ''}`;
}

/** Rounds to `digits` significant digits, dropping trailing zeros. */
function round(value: number, digits: number): string {
  return String(Number(value.toPrecision(digits)));
}

/** A ratio as a percentage with one decimal below 10 %. */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  const pct = ratio * 100;
  if (pct === 0) return '0%';
  return pct < 10 ? `${pct.toFixed(1)}%` : `${Math.round(pct)}%`;
}
