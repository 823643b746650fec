import { col } from './column.ts';
import { defineTable, type RowOf } from './table.ts';

/** X-Ray segments and subsegments and OTLP spans, in one shape. */
export const spansTable = defineTable({
  name: 'spans',
  timeColumn: 'start_time',
  doc: 'Spans: X-Ray segments and subsegments, OpenTelemetry spans.',
  columns: {
    trace_id: col.traceId.required('Canonical trace id.'),
    span_id: col.string.required('16 hex span (segment) id.'),
    parent_span_id: col.string.nullable('Parent span id; null at a trace root.'),
    service: col.string.required('Service (X-Ray segment name or OTel service.name).', { lowCardinality: true }),
    name: col.string.required('Span or subsegment name.'),
    kind: col.string.required('server, client, internal, producer or consumer.', { lowCardinality: true }),
    start_time: col.timestamp.required('Start, epoch microseconds.'),
    end_time: col.timestamp.nullable('End; null while in progress.'),
    duration_ms: col.float64.nullable('end_time - start_time in milliseconds.'),
    status: col.string.required('ok, error, fault or throttle.', { lowCardinality: true }),
    in_progress: col.bool.required('True for an in-progress document not yet completed.'),
    http_method: col.string.nullable('HTTP method.', { lowCardinality: true }),
    http_url: col.string.nullable('HTTP URL.'),
    http_status: col.int32.nullable('HTTP response status.'),
    sql_query: col.string.nullable('SQL text (sanitized).'),
    db_server: col.string.nullable('Database server or URL.', { lowCardinality: true }),
    exceptions: col.json.nullable('Exceptions as a JSON array of {type, message, stack}.'),
    annotations: col.json.nullable('X-Ray annotations (typed, searchable) as a JSON object.'),
    attributes: col.json.nullable('Span attributes and X-Ray metadata as a JSON object.'),
    resource: col.json.nullable('Resource attributes (OTLP) as a JSON object: the same text for every span of one process, kept apart from attributes so it compresses to almost nothing.'),
    origin: col.string.nullable('X-Ray origin, e.g. AWS::EC2::Instance.', { lowCardinality: true }),
    host: col.string.nullable('Host or instance that produced the span.', { lowCardinality: true }),
    source: col.string.required('xray-udp, xray-api or otlp.', { lowCardinality: true }),
  },
});

export type SpanRecord = RowOf<typeof spansTable>;
