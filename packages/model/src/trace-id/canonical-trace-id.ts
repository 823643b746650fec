import { firstNonHex, isAllZeros } from './hex-digits.ts';
import { quoteForReason } from '../reason/quote-for-reason.ts';

/** Length of Tinsel's canonical trace id: 16 bytes as hex. */
export const CANONICAL_TRACE_ID_LENGTH = 32;

/**
 * True for Tinsel's canonical trace id: 32 lowercase hex digits, not all
 * zeros. This is the OTel/W3C form, and the form every store column holds.
 *
 * @example
 * isCanonicalTraceId('5759e988bd862e3fe1be46a994272793') // true
 * isCanonicalTraceId('5759E988BD862E3FE1BE46A994272793') // false: not canonical until lowered
 */
export function isCanonicalTraceId(s: string): boolean {
  return (
    s.length === CANONICAL_TRACE_ID_LENGTH &&
    firstNonHex(s, 0, CANONICAL_TRACE_ID_LENGTH, true) === -1 &&
    !isAllZeros(s, 0, CANONICAL_TRACE_ID_LENGTH)
  );
}

/**
 * Why `s` is not a 32-hex trace id (either case accepted), or null when it is
 * one. The reason names what was wrong, for dead letters and search errors.
 *
 * @example
 * hexTraceIdProblem('abc') // 'trace id must be 32 hex digits, got 3 characters: "abc"'
 */
export function hexTraceIdProblem(s: string): string | null {
  if (s.length !== CANONICAL_TRACE_ID_LENGTH) {
    return `trace id must be 32 hex digits, got ${s.length} characters: ${quoteForReason(s)}`;
  }
  const bad = firstNonHex(s, 0, CANONICAL_TRACE_ID_LENGTH);
  if (bad !== -1) return `trace id has non-hex character ${JSON.stringify(s[bad])} at index ${bad}`;
  if (isAllZeros(s, 0, CANONICAL_TRACE_ID_LENGTH)) return 'trace id must not be all zeros';
  return null;
}
