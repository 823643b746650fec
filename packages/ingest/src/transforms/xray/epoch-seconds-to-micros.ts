/**
 * Epoch microseconds of an X-Ray time (float epoch seconds, e.g.
 * `1461096053.37518` or `1.478293361271E9`), or NaN when `value` is not a
 * finite, non-negative number that fits.
 *
 * Rounding, not truncation: before 2^32 seconds (year 2106) the double
 * nearest a 6-decimal time is within 0.24 µs of it and the product with 1e6
 * adds at most 0.25 µs more, so rounding recovers every microsecond the SDK
 * wrote (today's times have twice that margin). Truncating would turn
 * `…053.37518` into `…053375179` about half the time. Digits past the
 * sixth are rounded too, to the nearest microsecond the double allows.
 *
 * @example
 * epochSecondsToMicros(1461096053.37518) // 1461096053375180
 * epochSecondsToMicros('1461096053')     // NaN
 */
export function epochSecondsToMicros(value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0)) return NaN;
  const micros = Math.round(value * 1e6);
  return micros <= Number.MAX_SAFE_INTEGER ? micros : NaN;
}
