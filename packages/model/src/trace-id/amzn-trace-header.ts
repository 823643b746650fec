/**
 * An `X-Amzn-Trace-Id` header, field by field. Known fields are normalised
 * (ids lowercased); `self` and `lineage` are kept as written because AWS
 * itself writes malformed `Self` values and `Lineage` is opaque. Fields
 * Tinsel does not know land in `extra`, in order and with their case.
 *
 * @example
 * // Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1
 * const h: AmznTraceHeader = {
 *   root: '1-5759e988-bd862e3fe1be46a994272793',
 *   traceId: '5759e988bd862e3fe1be46a994272793',
 *   parent: '53995c3f42cd8ad8', sampled: '1', self: null, lineage: null, extra: [],
 * };
 */
export interface AmznTraceHeader {
  /** The trace id in X-Ray form, `1-` + 8 hex epoch + `-` + 24 hex, lowercase. */
  root: string | null;
  /** The same id in canonical form: 32 lowercase hex. */
  traceId: string | null;
  /** Span id of the caller: 16 lowercase hex. */
  parent: string | null;
  /** `?` asks the receiver to decide and echo its decision back. */
  sampled: '0' | '1' | '?' | null;
  /** Added or updated by ALB when the request already had a Root. */
  self: string | null;
  /** Added by Lambda and other AWS services; opaque to Tinsel. */
  lineage: string | null;
  /** Any other `key=value` fields (e.g. `CalledFrom=app`), order and case kept. */
  extra: Array<[string, string]>;
}
