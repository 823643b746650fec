import { fail, ok, type Result } from '@tinsel/model';

const pattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;

/**
 * Reads an ISO 8601 time (or the `2026-11-20 10:00:00 GMT` form EC2 writes
 * in StateTransitionReason) as epoch microseconds, the unit of request
 * times. A time without a zone is UTC: the server's local zone must not
 * change which instance a request maps to.
 *
 * @example
 * parseInstant('2026-11-20T10:00:00Z');     // → ok(1795168800000000)
 * parseInstant('2026-11-20 10:00:00 GMT');  // → ok(1795168800000000)
 * parseInstant('2026-11-20T11:00:00+01:00'); // → ok(1795168800000000)
 */
export function parseInstant(text: string): Result<number> {
  const m = pattern.exec(text.trim());
  if (m === null) return fail(`expected an ISO 8601 time, got "${text}"`);
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((part) => Number(part ?? 0)) as [
    number, number, number, number, number, number,
  ];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March; a typo must not become a valid time.
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return fail(`expected an ISO 8601 time, got "${text}" (no such date or time)`);
  }
  const micros = Number((m[7] ?? '').padEnd(6, '0').slice(0, 6));
  return ok((ms - zoneOffsetMs(m[8])) * 1000 + micros);
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined || /^(z|utc|gmt)$/i.test(zone)) return 0;
  const digits = zone.replace(':', '');
  const sign = digits[0] === '-' ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60_000;
}
