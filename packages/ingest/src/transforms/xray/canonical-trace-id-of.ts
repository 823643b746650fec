import { fail, isCanonicalTraceId, ok, quoteForReason, xrayToCanonical, type Result } from '@tinsel/model';

const CANONICAL_LENGTH = 32;

/**
 * The canonical 32 lowercase hex trace id of a document's `trace_id`: the
 * X-Ray form `1-5759e988-bd862e3fe1be46a994272793`, or already 32 hex digits
 * (an OTel-era SDK may send its W3C id as is). The reason names the field.
 *
 * @example
 * canonicalTraceIdOf('1-5759e988-bd862e3fe1be46a994272793') // ok('5759e988bd862e3fe1be46a994272793')
 * canonicalTraceIdOf(42) // fail('trace_id must be a string, got 42')
 */
export function canonicalTraceIdOf(value: unknown): Result<string> {
  if (value === undefined) return fail('trace_id is missing');
  if (typeof value !== 'string') return fail(`trace_id must be a string, got ${quoteForReason(value)}`);
  // "-" is not a hex digit, so a 32-character X-Ray-looking id cannot pass here.
  if (value.length === CANONICAL_LENGTH) {
    const lower = value.toLowerCase();
    if (isCanonicalTraceId(lower)) return ok(lower);
    return fail(`trace_id must be an X-Ray id (1-xxxxxxxx-…) or 32 hex digits, not all zeros, got ${quoteForReason(value)}`);
  }
  const xray = xrayToCanonical(value);
  return xray.ok ? xray : fail(`trace_id: ${xray.reason}`);
}
