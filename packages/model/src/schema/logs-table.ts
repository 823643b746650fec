import { col } from './column.ts';
import { defineTable, type RowOf } from './table.ts';

/** Structured application log events. */
export const logsTable = defineTable({
  name: 'logs',
  timeColumn: 'timestamp',
  doc: 'Application log events: CLEF, Elasticsearch bulk, OTLP logs, NDJSON.',
  columns: {
    timestamp: col.timestamp.required('Event time, epoch microseconds.'),
    level: col.string.required('trace, debug, info, warn, error or fatal.', { lowCardinality: true }),
    message: col.string.nullable('Rendered message.'),
    message_template: col.string.nullable('Message template, e.g. "Order {OrderId} failed".', { lowCardinality: true }),
    exception: col.string.nullable('Exception text with its stack.'),
    properties: col.json.nullable('Properties, ambient context included, as a JSON object.'),
    trace_id: col.traceId.nullable('Canonical trace id.'),
    span_id: col.string.nullable('Span id.'),
    service: col.string.nullable('Service or application.', { lowCardinality: true }),
    host: col.string.nullable('Host that logged the event.', { lowCardinality: true }),
    source: col.string.required('seq-clef, es-bulk, otlp or ndjson.', { lowCardinality: true }),
  },
});

export type LogRecord = RowOf<typeof logsTable>;
