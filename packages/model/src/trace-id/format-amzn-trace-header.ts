import type { AmznTraceHeader } from './amzn-trace-header.ts';
import { canonicalToXray } from './xray-id.ts';

/**
 * Writes an `X-Amzn-Trace-Id` value: Root, Parent, Sampled, Self, Lineage,
 * then the extra fields in their order; absent fields are left out. When
 * `root` is null but `traceId` is set (a header built from an OTel context),
 * Root is written from `traceId`. Values are written as given: the header
 * should come from `parseAmznTraceHeader` or hold ids that would pass it.
 *
 * @example
 * formatAmznTraceHeader({ root: null, traceId: '5759e988bd862e3fe1be46a994272793',
 *   parent: '53995c3f42cd8ad8', sampled: '1', self: null, lineage: null, extra: [] })
 * // 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1'
 */
export function formatAmznTraceHeader(h: AmznTraceHeader): string {
  const fields: string[] = [];
  const root = h.root ?? rootFromTraceId(h.traceId);
  if (root !== null) fields.push(`Root=${root}`);
  if (h.parent !== null) fields.push(`Parent=${h.parent}`);
  if (h.sampled !== null) fields.push(`Sampled=${h.sampled}`);
  if (h.self !== null) fields.push(`Self=${h.self}`);
  if (h.lineage !== null) fields.push(`Lineage=${h.lineage}`);
  for (const [key, value] of h.extra) fields.push(`${key}=${value}`);
  return fields.join(';');
}

function rootFromTraceId(traceId: string | null): string | null {
  if (traceId === null) return null;
  const xray = canonicalToXray(traceId);
  return xray.ok ? xray.value : null;
}
