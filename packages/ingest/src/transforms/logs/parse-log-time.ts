import { fail, ok, quoteForReason, type Result } from '@tinsel/model';

// ISO-8601 as loggers write it: `T` or a space, 0–9 fractional digits, `Z`,
// an offset (`+10:00`, `+1000`) or nothing (read as UTC).
const ISO = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Reads an ISO-8601 timestamp into epoch microseconds, exactly (7- and
 * 9-digit fractions are truncated to microseconds, never rounded through a
 * float). Impossible dates (`2016-02-30`, hour 25) fail with the reason,
 * which a Seq-compatible endpoint turns into a 400.
 *
 * @example
 * parseLogTime('2016-06-07T03:44:57.8532799Z') // ok(1465271097853279)
 * parseLogTime('2016-02-30T00:00:00Z') // fail('impossible date "2016-02-30T00:00:00Z": February has no day 30 in 2016')
 */
export function parseLogTime(text: string): Result<number> {
  const fast = fastUtcMicros(text);
  if (fast >= 0) return ok(fast);
  const m = ISO.exec(text);
  if (!m) return fail(`timestamp ${quoteForReason(text)} is not ISO-8601`);
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const problem = impossibility(year, month, day, hour, minute, second);
  if (problem !== null) return fail(`impossible timestamp ${quoteForReason(text)}: ${problem}`);
  const fraction = m[7] === undefined ? 0 : Number((m[7] + '00000').slice(0, 6));
  const millis = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes(m[8]) * 60_000;
  return ok(millis * 1000 + fraction);
}

/**
 * Reads an epoch number whose unit is guessed by magnitude, as log shippers
 * write them: seconds (`1700000000.123`), milliseconds (pino, bunyan),
 * microseconds or nanoseconds. Negative or non-finite numbers fail.
 *
 * @example
 * epochNumberToMicros(1700000000123) // ok(1700000000123000)
 */
export function epochNumberToMicros(n: number): Result<number> {
  if (!Number.isFinite(n) || n <= 0) return fail(`timestamp ${quoteForReason(n)} is not a positive epoch number`);
  const micros = n < 1e11 ? Math.round(n * 1e6) : n < 1e14 ? Math.round(n * 1e3) : n < 1e17 ? Math.trunc(n) : Math.trunc(n / 1e3);
  // Past year 9999 the store's timestamp column overflows and the whole batch would fail.
  if (micros >= END_OF_YEAR_9999_MICROS) return fail(`timestamp ${quoteForReason(n)} is after the year 9999`);
  return ok(micros);
}

const END_OF_YEAR_9999_MICROS = 253_402_300_800_000_000;

function impossibility(year: number, month: number, day: number, hour: number, minute: number, second: number): string | null {
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
  if (day < 1 || day > days) return `month ${month} of ${year} has no day ${day}`;
  if (hour > 23) return `hour ${hour} does not exist`;
  if (minute > 59) return `minute ${minute} does not exist`;
  // 60 is a leap second; it reads as the next minute's first.
  if (second > 60) return `second ${second} does not exist`;
  if (year < 1970) return `year ${year} is before 1970`;
  return null;
}

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0');
  return zone.startsWith('-') ? -minutes : minutes;
}

const digit = (text: string, i: number): number => text.charCodeAt(i) - 48;
const two = (text: string, i: number): number => digit(text, i) * 10 + digit(text, i + 1);

/**
 * The common case without a regular expression: `YYYY-MM-DDTHH:MM:SS`, an
 * optional `.` fraction and `Z`, as Serilog, pino and JavaScript's
 * toISOString write it. -1 for anything else (the general path decides).
 */
function fastUtcMicros(text: string): number {
  const n = text.length;
  if (n < 20 || n > 30 || text.charCodeAt(n - 1) !== 90 /* Z */ || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return -1;
  for (const i of DIGIT_POSITIONS) {
    const d = digit(text, i);
    if (d < 0 || d > 9) return -1;
  }
  let fraction = 0;
  if (n > 20) {
    if (text.charCodeAt(19) !== 46 || n === 21) return -1;
    for (let i = 20; i < n - 1; i++) {
      const d = digit(text, i);
      if (d < 0 || d > 9) return -1;
      if (i < 26) fraction = fraction * 10 + d;
    }
    for (let i = Math.min(n - 1, 26); i < 26; i++) fraction *= 10;
  }
  const year = two(text, 0) * 100 + two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  const hour = two(text, 11);
  const minute = two(text, 14);
  const second = two(text, 17);
  if (impossibility(year, month, day, hour, minute, second) !== null) return -1;
  return Date.UTC(year, month - 1, day, hour, minute, second) * 1000 + fraction;
}

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];
