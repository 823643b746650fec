import type { SpanRecord } from '@tinsel/model';
import { stringAttribute } from './attribute-lookup.ts';
import { classifySpanStatus } from './classify-span-status.ts';
import { cloudOrigin } from './cloud-origin.ts';
import { readDbFields } from './db-fields.ts';
import { readHttpFields } from './http-fields.ts';
import type { OtlpEvent, OtlpSpan, OtlpSpanContext } from './otlp-span.ts';
import { nanosToMicros } from './read-unix-nanos.ts';
import { spanAttributesJson } from './span-attributes-json.ts';
import { xrayAnnotations } from './xray-annotations.ts';

/** The service name OTel SDKs report when none was configured. */
export const UNKNOWN_SERVICE = 'unknown_service';

/**
 * Maps a validated OTLP span to Tinsel's span row. Columns come from the
 * semantic conventions (old and new names), the status from
 * classifySpanStatus, and whatever has no column goes into `attributes`
 * (see spanAttributesJson); resource attributes go, as one shared JSON
 * text, into `resource`. OTLP spans are finished when exported, so
 * `in_progress` is always false.
 *
 * @example
 * const row = mapOtlpSpan(span, { resource: { 'service.name': 'cart' }, resourceJson: '{"service.name":"cart"}', scopeName: null, scopeVersion: null, scope: {} });
 * row.service // 'cart'
 */
export function mapOtlpSpan(span: OtlpSpan, context: OtlpSpanContext): SpanRecord {
  const start = nanosToMicros(span.startNanos);
  const end = nanosToMicros(span.endNanos);
  const http = readHttpFields(span.attributes);
  const db = readDbFields(span.attributes);
  const inColumns = {
    'http.request.method': http.method,
    'http.method': http.method,
    'url.full': http.url,
    'http.url': http.url,
    'http.response.status_code': http.status,
    'http.status_code': http.status,
    'db.query.text': db.sqlQuery,
    'db.statement': db.sqlQuery,
  };
  return {
    trace_id: span.traceId,
    span_id: span.spanId,
    parent_span_id: span.parentSpanId,
    service: stringAttribute(context.resource, 'service.name') ?? UNKNOWN_SERVICE,
    name: span.name,
    kind: span.kind,
    start_time: start,
    end_time: end,
    // From the stored µs, so the column is exactly end_time - start_time.
    duration_ms: (end - start) / 1000,
    status: classifySpanStatus(span.statusCode, http.status),
    in_progress: false,
    http_method: http.method,
    http_url: http.url,
    http_status: http.status,
    sql_query: db.sqlQuery,
    db_server: db.dbServer,
    exceptions: exceptionsJson(span.events),
    annotations: xrayAnnotations(span.attributes, context.resource),
    attributes: spanAttributesJson(span, context, inColumns),
    resource: context.resourceJson,
    origin: cloudOrigin(context.resource),
    host: stringAttribute(context.resource, 'host.name'),
    source: 'otlp',
  };
}

// The exception semantic conventions: one event named "exception" each.
function exceptionsJson(events: OtlpEvent[]): string | null {
  const exceptions = events
    .filter((event) => event.name === 'exception')
    .map((event) => ({
      type: stringAttribute(event.attributes, 'exception.type'),
      message: stringAttribute(event.attributes, 'exception.message'),
      stack: stringAttribute(event.attributes, 'exception.stacktrace'),
    }));
  return exceptions.length > 0 ? JSON.stringify(exceptions) : null;
}
