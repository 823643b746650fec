import { parseAmznTraceHeader, parseAnyTraceId } from '@tinsel/model';

/**
 * Property names searched for a trace id, in order, when none are configured:
 * what Serilog enrichers, OTel bridges, pino/winston mixins and AWS write.
 */
export const DEFAULT_TRACE_ID_PROPERTIES: readonly string[] = ['TraceId', 'trace_id', 'traceId', 'AmznTraceId', 'X-Amzn-Trace-Id'];

/** Property names searched for a span id once a trace id is found. */
const SPAN_ID_PROPERTIES: readonly string[] = ['SpanId', 'span_id', 'spanId'];

const SPAN_ID = /^[0-9a-f]{16}$/i;
const CANONICAL = /^[0-9a-f]{32}$/;
const ZERO_TRACE_ID = '0'.repeat(32);

/**
 * The trace (and span) an event belongs to, read from its properties by the
 * first name in `names` whose value is a trace id in any form Tinsel knows:
 * 32 hex, an X-Ray id, a whole `X-Amzn-Trace-Id` header (whose `Parent`
 * becomes the span id) or a `traceparent`. A value that is not a trace id is
 * skipped, not an error: the property may mean something else to its app.
 *
 * @example
 * traceIdFromProperties({ AmznTraceId: 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8' })
 * // { traceId: '5759e988bd862e3fe1be46a994272793', spanId: '53995c3f42cd8ad8' }
 */
export function traceIdFromProperties(
  properties: Record<string, unknown>,
  names: readonly string[] = DEFAULT_TRACE_ID_PROPERTIES,
): { traceId: string; spanId: string | null } | null {
  for (const name of names) {
    const value = properties[name];
    if (typeof value !== 'string' || value === '') continue;
    const found = readTraceValue(value);
    if (found !== null) return { traceId: found.traceId, spanId: found.spanId ?? spanIdFrom(properties) };
  }
  return null;
}

function readTraceValue(value: string): { traceId: string; spanId: string | null } | null {
  // Most senders already write the canonical form: it needs no parsing (ingest's hot path).
  if (CANONICAL.test(value)) return value === ZERO_TRACE_ID ? null : { traceId: value, spanId: null };
  const parsed = parseAnyTraceId(value);
  if (!parsed.ok) return null;
  if (parsed.value.form === 'amzn-header') {
    const header = parseAmznTraceHeader(value.replace(/^\s*x-amzn-trace-id\s*:/i, ''));
    return { traceId: parsed.value.traceId, spanId: header.ok ? header.value.parent : null };
  }
  if (parsed.value.form === 'traceparent') {
    const spanId = value.trim().split('-')[2]?.toLowerCase() ?? '';
    return { traceId: parsed.value.traceId, spanId: SPAN_ID.test(spanId) ? spanId : null };
  }
  return { traceId: parsed.value.traceId, spanId: null };
}

/** A 16-hex span id from the usual property names, lowercased; null when absent or malformed. */
export function spanIdFrom(properties: Record<string, unknown>): string | null {
  for (const name of SPAN_ID_PROPERTIES) {
    const value = properties[name];
    if (typeof value === 'string' && SPAN_ID.test(value)) return value.toLowerCase();
  }
  return null;
}
