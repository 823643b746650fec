import { fail, ok, quoteForReason, type Result } from '@tinsel/model';
import { parseInstant } from '../../enrichment/parse-instant.ts';
import { parseIsoMicros } from '../alb/parse-iso-micros.ts';

const DIGITS = /^-?\d+(\.\d+)?$/;
// Years 1970 to 9999 in epoch milliseconds: what the logs table can hold exactly enough.
const MAX_EPOCH_MILLIS = 253_402_300_799_999;

/**
 * Epoch microseconds of an `@timestamp` as Elasticsearch's default date
 * mapping reads it (`strict_date_optional_time||epoch_millis`): an ISO-8601
 * string (any fraction, `Z` or an offset), a date alone, or a number (or a
 * string of digits) of epoch milliseconds. Unlike Tinsel's NDJSON reader, a
 * number is never guessed to be seconds: Elasticsearch does not guess either.
 *
 * @example
 * parseEsTimestamp('2026-11-26T04:21:00.1234567+00:00') // ok(1795666860123456)
 * parseEsTimestamp(1795666860123)                       // ok(1795666860123000)
 */
export function parseEsTimestamp(value: unknown): Result<number> {
  if (typeof value === 'number') return fromMillis(value, value);
  if (typeof value !== 'string') return fail(`expected a date string or epoch milliseconds, got ${quoteForReason(value)}`);
  const text = value.trim();
  if (DIGITS.test(text)) return fromMillis(Number(text), value);
  // `…T04:21:00.123Z`, what most shippers write, is read in place without a regular expression.
  const fast = text.endsWith('Z') ? parseIsoMicros(text, 0, text.length) : NaN;
  if (fast >= 0 && fast <= MAX_EPOCH_MILLIS * 1000) return ok(fast);
  const parsed = parseInstant(text);
  if (!parsed.ok) return parsed;
  if (parsed.value < 0 || parsed.value > MAX_EPOCH_MILLIS * 1000) return fail(`${quoteForReason(value)} is out of range (1970 to 9999)`);
  return parsed;
}

function fromMillis(millis: number, original: unknown): Result<number> {
  if (!Number.isFinite(millis) || millis < 0 || millis > MAX_EPOCH_MILLIS) {
    return fail(`${quoteForReason(original)} is out of range for epoch milliseconds`);
  }
  return ok(Math.round(millis * 1000));
}
