import type { OtlpSpan, OtlpSpanContext } from './otlp-span.ts';
import type { AttributeValue, Attributes } from './read-any-value.ts';
import { nanosToMicros } from './read-unix-nanos.ts';
import { withoutCredentials } from './db-fields.ts';

/**
 * The `attributes` column of an OTLP span: one flat JSON object holding
 * everything the span has no column for, so nothing it arrived with is lost
 * (resource attributes have a column of their own, `resource`).
 *
 * - the instrumentation scope as `otel.scope.name` / `otel.scope.version`
 *   (the names the semantic conventions give them), its attributes as
 *   `scope.<key>`;
 * - span attributes under their own keys, except that
 *   `db.connection_string` loses its credentials, as `db_server` does;
 * - `otel.status_description` (Status.message), `w3c.tracestate`,
 *   `otel.dropped_{attributes,events,links}_count` when not 0;
 * - `otel.links`: `[{trace_id, span_id, trace_state?, attributes?}]`;
 * - `otel.events`: every event but `exception` ones (those have their own
 *   column), `[{name, time, attributes?}]` with `time` in epoch µs.
 *
 * @example
 * spanAttributesJson(span, { resource: { 'service.name': 'cart' }, resourceJson: null, scopeName: 'http', scopeVersion: null, scope: {} })
 * // '{"otel.scope.name":"http","http.route":"/cart"}'
 */
export function spanAttributesJson(span: OtlpSpan, context: OtlpSpanContext, inColumns: ColumnValues = NO_COLUMNS): string {
  // No prototype: a key named "__proto__" is then an ordinary key, and plain assignment stays fast.
  const out = Object.create(null) as Attributes;
  if (context.scopeName !== null) put(out, 'otel.scope.name', context.scopeName);
  if (context.scopeVersion !== null) put(out, 'otel.scope.version', context.scopeVersion);
  copyInto(out, context.scope, 'scope.');
  for (const key of Object.keys(span.attributes)) {
    const value = span.attributes[key]!;
    // Stored once: a value that went whole into its own column is not repeated here.
    if (inColumns[key] === undefined || inColumns[key] !== value) put(out, key, value);
  }
  const connection = span.attributes['db.connection_string'];
  if (typeof connection === 'string') put(out, 'db.connection_string', withoutCredentials(connection));
  if (span.statusMessage !== null) put(out, 'otel.status_description', span.statusMessage);
  if (span.traceState !== null) put(out, 'w3c.tracestate', span.traceState);
  if (span.droppedAttributes > 0) put(out, 'otel.dropped_attributes_count', span.droppedAttributes);
  if (span.droppedEvents > 0) put(out, 'otel.dropped_events_count', span.droppedEvents);
  if (span.droppedLinks > 0) put(out, 'otel.dropped_links_count', span.droppedLinks);
  if (span.links.length > 0) put(out, 'otel.links', span.links.map(linkJson));
  const events = span.events.filter((event) => event.name !== 'exception');
  if (events.length > 0) {
    put(out, 'otel.events', events.map((event) => withAttributes(
      { name: event.name, time: event.timeNanos === null ? null : nanosToMicros(event.timeNanos) },
      event.attributes,
    )));
  }
  return JSON.stringify(out);
}

/** Attribute values the span's columns already hold, by attribute key. */
export type ColumnValues = Readonly<Record<string, AttributeValue | null>>;
const NO_COLUMNS: ColumnValues = {};

function linkJson(link: OtlpSpan['links'][number]): AttributeValue {
  const json: Attributes = { trace_id: link.traceId, span_id: link.spanId };
  if (link.traceState !== null) json.trace_state = link.traceState;
  return withAttributes(json, link.attributes);
}

function withAttributes(json: Attributes, attributes: Attributes): Attributes {
  if (Object.keys(attributes).length > 0) json.attributes = attributes;
  return json;
}

function copyInto(out: Attributes, from: Attributes, prefix: string): void {
  for (const key of Object.keys(from)) put(out, prefix + key, from[key]!);
}

function put(out: Attributes, key: string, value: AttributeValue): void {
  out[key] = value;
}
