/**
 * The headers that carry a trace to the next service: `X-Amzn-Trace-Id`
 * (Root, Parent, Sampled) and W3C `traceparent`, so either kind of
 * receiver continues it.
 *
 * @example
 * outgoingHeaders('5759e988bd862e3fe1be46a994272793', '53995c3f42cd8ad8', true)
 * // { 'x-amzn-trace-id': 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
 * //   traceparent: '00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-01' }
 */
export function outgoingHeaders(traceId: string, spanId: string, sampled: boolean): { 'x-amzn-trace-id': string; traceparent: string } {
  return {
    'x-amzn-trace-id': amznTraceHeader(traceId, spanId, sampled),
    traceparent: `00-${traceId}-${spanId}-${sampled ? '01' : '00'}`,
  };
}

/** `Root=1-xxxxxxxx-…;Parent=…;Sampled=…` for a canonical trace id. */
export function amznTraceHeader(traceId: string, spanId: string | null, sampled: boolean): string {
  const root = `Root=1-${traceId.slice(0, 8)}-${traceId.slice(8)}`;
  return `${root}${spanId === null ? '' : `;Parent=${spanId}`};Sampled=${sampled ? 1 : 0}`;
}
