import { fail, ok, type Result } from '@tinsel/model';

const units: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/**
 * A time as the API and CLI accept it: `now`, relative (`-15m`, `-1h`, `-7d`)
 * or ISO-8601. Returns epoch microseconds.
 *
 * @example
 * parseTime('-15m', Date.now())
 */
export function parseTime(text: string, nowMs: number): Result<number> {
  const value = text.trim();
  if (value === 'now') return ok(nowMs * 1000);
  const relative = /^-(\d+)([smhdw])$/.exec(value);
  if (relative) return ok((nowMs - Number(relative[1]) * units[relative[2]!]! * 1000) * 1000);
  if (/^\d{4}-\d\d-\d\d/.test(value)) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return ok(ms * 1000);
  }
  return fail(`expected "now", a relative time like -15m or -1h, or an ISO-8601 time; got ${JSON.stringify(text)}`);
}
