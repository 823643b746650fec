import { randomBytes } from 'node:crypto';
import { formatAmznTraceHeader, parseAmznTraceHeader } from '@tinsel/model';

/** A new X-Ray style id for `Root` or `Self`: `1-<epoch hex>-<24 hex>`. */
function newXrayId(nowMs: number): string {
  return `1-${Math.floor(nowMs / 1000).toString(16).padStart(8, '0')}-${randomBytes(12).toString('hex')}`;
}

/**
 * The `X-Amzn-Trace-Id` an ALB forwards: a request without one (or with one
 * it cannot read) gets a new `Root`; a request with a Root keeps it and gets
 * a new `Self` (replacing any earlier one), the rest kept as written.
 *
 * @example
 * extendTraceHeader(undefined, now) // 'Root=1-6765f0a1-…'
 * extendTraceHeader('Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1', now)
 * // 'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1;Self=1-6765f0a1-…'
 */
export function extendTraceHeader(incoming: string | undefined, nowMs: number): string {
  if (incoming !== undefined) {
    const parsed = parseAmznTraceHeader(incoming);
    if (parsed.ok && parsed.value.root !== null) return formatAmznTraceHeader({ ...parsed.value, self: newXrayId(nowMs) });
  }
  return `Root=${newXrayId(nowMs)}`;
}
