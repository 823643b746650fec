const MICROS_PER_DAY = 86_400_000_000;
const MICROS_PER_MINUTE = 60_000_000;

// The lines of a file share their date: remember the last one's day number
// (three integer compares instead of the calendar arithmetic).
let lastDateKey = -1;
let lastDays = 0;

// Cumulative days before each month (index 1..12) in a common year.
const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/**
 * Epoch microseconds of a UTC timestamp `YYYY-MM-DDTHH:MM:SS[.f…]Z` found in
 * `text` between `start` and `end`; NaN when that text is not one.
 *
 * Every ALB line carries two such timestamps at microsecond precision, which
 * `Date.parse` would round to milliseconds after allocating a substring. This
 * reads the digits in place and checks every part (month 1–12, the day within
 * its month, leap years, seconds 0–59). The fraction may have 0 to 9 digits;
 * digits past the sixth are truncated. Results are exact up to year 2255,
 * where microseconds outgrow a double's integers.
 *
 * @example
 * const s = '2018-07-02T22:23:00.186641Z';
 * parseIsoMicros(s, 0, s.length); // 1530570180186641
 */
export function parseIsoMicros(text: string, start: number, end: number): number {
  const length = end - start;
  if (length < 20 || start < 0 || end > text.length) return NaN;
  if (
    text.charCodeAt(start + 4) !== 45 || // '-'
    text.charCodeAt(start + 7) !== 45 ||
    text.charCodeAt(start + 10) !== 84 || // 'T'
    text.charCodeAt(start + 13) !== 58 || // ':'
    text.charCodeAt(start + 16) !== 58 ||
    text.charCodeAt(end - 1) !== 90 // 'Z'
  ) {
    return NaN;
  }
  const century = twoDigits(text, start);
  const yearOfCentury = twoDigits(text, start + 2);
  const month = twoDigits(text, start + 5);
  const day = twoDigits(text, start + 8);
  const hour = twoDigits(text, start + 11);
  const minute = twoDigits(text, start + 14);
  const second = twoDigits(text, start + 17);
  if (century < 0 || yearOfCentury < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return NaN;
  }
  const fraction = readFraction(text, start + 19, end - 1);
  if (fraction < 0) return NaN;
  const year = century * 100 + yearOfCentury;
  const dateKey = (year * 100 + month) * 100 + day;
  if (dateKey !== lastDateKey) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    if (day > daysInMonth(month, leap)) return NaN;
    lastDays = daysSinceEpoch(year, month, day, leap);
    lastDateKey = dateKey;
  }
  return lastDays * MICROS_PER_DAY + (hour * 60 + minute) * MICROS_PER_MINUTE + second * 1_000_000 + fraction;
}

/** Two decimal digits at `at`, or -1 when either is not a digit. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  if (tens < 0 || tens > 9 || ones < 0 || ones > 9) return -1;
  return tens * 10 + ones;
}

function daysInMonth(month: number, leap: boolean): number {
  if (month === 2) return leap ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Microseconds of `.ffffff` between `from` and `to` (nothing there is 0); -1 when malformed. */
function readFraction(text: string, from: number, to: number): number {
  if (from === to) return 0;
  if (text.charCodeAt(from) !== 46 || to - from < 2 || to - from > 10) return -1; // '.' then 1..9 digits
  let micros = 0;
  let digits = 0;
  for (let i = from + 1; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    if (digits < 6) micros = micros * 10 + d;
    digits++;
  }
  for (; digits < 6; digits++) micros *= 10;
  return micros;
}

/** Days from 1970-01-01 to a valid proleptic Gregorian date. */
function daysSinceEpoch(year: number, month: number, day: number, leap: boolean): number {
  const y = year - 1;
  const leapDaysBefore = Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400);
  const dayOfYear = DAYS_BEFORE_MONTH[month]! + (leap && month > 2 ? 1 : 0) + day - 1;
  // 719162 = days from 0001-01-01 to 1970-01-01.
  return y * 365 + leapDaysBefore + dayOfYear - 719_162;
}
