// How values read in tables and timelines.

/** `2026-11-24T18:03:00.123456Z` → `2026-11-24 18:03:00.123`. */
export function formatTime(value: unknown): string {
  if (typeof value !== 'string') return value === null || value === undefined ? '' : String(value);
  return value.replace('T', ' ').replace(/(\.\d{3})\d*Z$/, '$1').replace(/Z$/, '');
}

/** Milliseconds with a unit that keeps about three significant digits. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '–';
  if (Math.abs(ms) >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (Math.abs(ms) >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (Math.abs(ms) >= 10) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}

/** Any field value as one line of text. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The colour class of an HTTP status: `ok`, `warn` (4xx) or `error` (5xx). */
export function statusClass(status: unknown): string {
  const n = typeof status === 'number' ? status : Number(status);
  if (!Number.isFinite(n)) return '';
  return n >= 500 ? 'error' : n >= 400 ? 'warn' : 'ok';
}
