import type { SpanRecord } from '@tinsel/model';
import { otelAttributes, otelExceptionEvent, otelResource, otelScope, type OtelAttributes, type OtelScope } from './otel-span-view.ts';
import type { SyntheticSpan } from './synthetic-span.ts';

// The scope part of the attributes JSON and the resource JSON, the same for
// every span of a process and instrumentation: written once, not per span.
const prefixes = new Map<OtelScope, string>();
const resources = new Map<OtelAttributes, string>();

/**
 * The row Tinsel's OTLP path stores for `span` (what `decodeOtlpTraces`
 * makes of the body `encodeOtlpRequest` writes), built directly: loading
 * millions of spans for the lookup benchmark should not wait on the
 * decoder. `span-record-of.test.ts` checks the two agree.
 *
 * @example
 * await store.append(spansTable, spans.map(spanRecordOf));
 */
export function spanRecordOf(span: SyntheticSpan): SpanRecord {
  const resource = otelResource(span);
  const exception = otelExceptionEvent(span);
  const http = span.http;
  return {
    trace_id: span.traceId,
    span_id: span.spanId,
    parent_span_id: span.parentSpanId,
    service: span.service,
    name: span.name,
    kind: span.kind,
    start_time: span.startMicros,
    end_time: span.endMicros,
    duration_ms: (span.endMicros - span.startMicros) / 1000,
    status: span.status,
    in_progress: false,
    http_method: http?.method ?? null,
    http_url: http?.url ?? null,
    http_status: http?.status ?? null,
    sql_query: span.db?.statement ?? null,
    db_server: span.db ? `${span.db.server}:${span.db.system === 'redis' ? 6379 : 5432}` : null,
    exceptions: exception ? JSON.stringify([{ type: exception.attributes['exception.type'], message: exception.attributes['exception.message'], stack: exception.attributes['exception.stacktrace'] }]) : null,
    annotations: null,
    attributes: joinJson(prefixOf(otelScope(span)), JSON.stringify(withoutColumns(otelAttributes(span), span))),
    resource: resourceJsonOf(resource),
    origin: 'AWS::EC2::Instance',
    host: span.host,
    source: 'otlp',
  };
}

/** An object's JSON without its closing brace, joined with another object's JSON. */
function joinJson(open: string, rest: string): string {
  return rest === '{}' ? `${open}}` : `${open},${rest.slice(1)}`;
}

// The OTLP path keeps out of `attributes` what went whole into a column.
function withoutColumns(attributes: OtelAttributes, span: SyntheticSpan): OtelAttributes {
  const inColumns: Record<string, unknown> = {
    'http.request.method': span.http?.method,
    'url.full': span.http?.url,
    'http.response.status_code': span.http?.status,
    'db.query.text': span.db?.statement,
  };
  return Object.fromEntries(Object.entries(attributes).filter(([key, value]) => inColumns[key] !== value));
}

function prefixOf(scope: OtelScope): string {
  let prefix = prefixes.get(scope);
  if (prefix === undefined) {
    prefix = JSON.stringify({ 'otel.scope.name': scope.name, 'otel.scope.version': scope.version }).slice(0, -1);
    prefixes.set(scope, prefix);
  }
  return prefix;
}

function resourceJsonOf(resource: OtelAttributes): string {
  let json = resources.get(resource);
  if (json === undefined) resources.set(resource, (json = JSON.stringify(resource)));
  return json;
}
