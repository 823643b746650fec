// Character-level hex checks shared by the trace-id codecs. They walk the
// string by char code so that the ALB ingest hot path can validate an id in
// place, without slicing or building a regular expression match.

const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const LOWER_A = 0x61;
const LOWER_F = 0x66;
const UPPER_A = 0x41;
const UPPER_F = 0x46;

/**
 * Position of the first character in `s[start, end)` that is not a hex digit,
 * or -1 when every one is. `lowerOnly` refuses `A`–`F` (W3C Trace Context
 * allows lowercase only).
 *
 * @example
 * firstNonHex('1-abcg', 2, 6) // 5
 */
export function firstNonHex(s: string, start: number, end: number, lowerOnly = false): number {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= DIGIT_0 && c <= DIGIT_9) continue;
    if (c >= LOWER_A && c <= LOWER_F) continue;
    if (!lowerOnly && c >= UPPER_A && c <= UPPER_F) continue;
    return i;
  }
  return -1;
}

/**
 * True when every character in `s[start, end)` is `0`. Ids made only of
 * zeros are the "invalid" marker in both X-Ray and W3C Trace Context.
 *
 * @example
 * isAllZeros('00000000', 0, 8) // true
 */
export function isAllZeros(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    if (s.charCodeAt(i) !== DIGIT_0) return false;
  }
  return true;
}
