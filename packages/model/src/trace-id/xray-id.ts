import { fail, ok, type Result } from '../result.ts';
import { hexTraceIdProblem } from './canonical-trace-id.ts';
import { firstNonHex, isAllZeros } from './hex-digits.ts';
import { quoteForReason } from '../reason/quote-for-reason.ts';

// X-Ray form: "1-" + 8 hex epoch seconds + "-" + 24 hex random = 35 chars.
// The canonical id is the same 32 digits with the version and dashes dropped.
export const XRAY_ID_LENGTH = 35;
const CHAR_ONE = 0x31;
const CHAR_DASH = 0x2d;
const EPOCH_START = 2;
const EPOCH_END = 10;
const RANDOM_START = 11;

/**
 * Why `s[start, end)` is not an X-Ray trace id, or null when it is one
 * (hex of either case). Works in place so the ALB hot path can check an id
 * inside a longer field without slicing it out first.
 *
 * @example
 * xrayIdProblem('2-5759e988-bd862e3fe1be46a994272793') // 'X-Ray trace id must start with version "1-", …'
 */
export function xrayIdProblem(s: string, start = 0, end = s.length): string | null {
  const length = end - start;
  if (length < 2 || s.charCodeAt(start) !== CHAR_ONE || s.charCodeAt(start + 1) !== CHAR_DASH) {
    return `X-Ray trace id must start with version "1-", got ${quoteForReason(s.slice(start, end))}`;
  }
  if (length !== XRAY_ID_LENGTH) {
    return `X-Ray trace id must be 35 characters ("1-", 8 hex, "-", 24 hex), got ${length}: ${quoteForReason(s.slice(start, end))}`;
  }
  if (s.charCodeAt(start + EPOCH_END) !== CHAR_DASH) {
    return `X-Ray trace id must have "-" after its 8 epoch digits, got ${quoteForReason(s.slice(start, end))}`;
  }
  let bad = firstNonHex(s, start + EPOCH_START, start + EPOCH_END);
  if (bad === -1) bad = firstNonHex(s, start + RANDOM_START, end);
  if (bad !== -1) return `X-Ray trace id has non-hex character ${JSON.stringify(s[bad])} at index ${bad - start}`;
  if (isAllZeros(s, start + EPOCH_START, start + EPOCH_END) && isAllZeros(s, start + RANDOM_START, end)) {
    return 'X-Ray trace id must not be all zeros';
  }
  return null;
}

/**
 * The canonical id of the X-Ray id at `s[start, start + 35)`, which the
 * caller has already checked with `xrayIdProblem`.
 *
 * @example
 * canonicalFromXray('Root=1-5759e988-bd862e3fe1be46a994272793', 5) // '5759e988bd862e3fe1be46a994272793'
 */
export function canonicalFromXray(s: string, start = 0): string {
  // toLowerCase also flattens the concatenation in V8, so the id does not
  // keep the (possibly much longer) source string alive through a slice.
  return (s.slice(start + EPOCH_START, start + EPOCH_END) + s.slice(start + RANDOM_START, start + XRAY_ID_LENGTH)).toLowerCase();
}

/**
 * X-Ray trace id → canonical 32 lowercase hex (the OTel form). Hex of either
 * case is accepted; the input is not trimmed.
 *
 * @example
 * xrayToCanonical('1-5759e988-bd862e3fe1be46a994272793') // ok('5759e988bd862e3fe1be46a994272793')
 * xrayToCanonical('1-5759e988-bd86')                      // fail('X-Ray trace id must be 35 characters …')
 */
export function xrayToCanonical(xrayId: string): Result<string> {
  const problem = xrayIdProblem(xrayId);
  return problem === null ? ok(canonicalFromXray(xrayId)) : fail(problem);
}

/**
 * Canonical (or any-case 32 hex) trace id → lowercase X-Ray form. Any 16-byte
 * id converts: X-Ray accepts W3C ids whose first 8 digits are not a time.
 *
 * @example
 * canonicalToXray('5759e988bd862e3fe1be46a994272793') // ok('1-5759e988-bd862e3fe1be46a994272793')
 */
export function canonicalToXray(traceId: string): Result<string> {
  const problem = hexTraceIdProblem(traceId);
  if (problem !== null) return fail(problem);
  const lower = traceId.toLowerCase();
  return ok(`1-${lower.slice(0, 8)}-${lower.slice(8)}`);
}
