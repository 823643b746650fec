import type { ResultRow } from '@tinsel/store';

/**
 * Fills the service of spans that arrived without one (an X-Ray subsegment
 * sent on its own names no service) from the nearest ancestor that has one,
 * within the spans of one trace. Mutates and returns the rows.
 *
 * @example
 * inheritServices(keepLatestVersions(await store.query(selectTraceSpans(dialect, id, null))));
 */
export function inheritServices(spans: ResultRow[]): ResultRow[] {
  const byId = new Map(spans.map((span) => [span.span_id as string, span]));
  const serviceOf = (span: ResultRow, seen: Set<string>): string => {
    if (span.service) return span.service as string;
    const parent = span.parent_span_id === null ? undefined : byId.get(span.parent_span_id as string);
    // A cycle or a parent outside the trace leaves the service unknown.
    if (!parent || seen.has(parent.span_id as string)) return '';
    seen.add(parent.span_id as string);
    return serviceOf(parent, seen);
  };
  for (const span of spans) if (!span.service) span.service = serviceOf(span, new Set([span.span_id as string]));
  return spans;
}
