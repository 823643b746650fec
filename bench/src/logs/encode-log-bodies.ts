import { otlpLogsProto } from '@tinsel/ingest';
import type { SyntheticLogEvent } from './generate-log-events.ts';

/** A request body ready to post, and how many events it carries. */
export interface LogBody {
  bytes: Buffer;
  events: number;
}

/** Newline-delimited CLEF, as Serilog's CompactJsonFormatter writes it. */
export function encodeClef(events: readonly SyntheticLogEvent[]): LogBody {
  const lines = events.map((e) => {
    const head: Record<string, unknown> = { '@t': new Date(e.timeMs).toISOString(), '@mt': e.template };
    if (e.level !== 'Information') head['@l'] = e.level;
    if (e.exception !== null) head['@x'] = e.exception;
    return JSON.stringify({ ...head, ...e.properties, '@tr': e.traceId, '@sp': e.spanId });
  });
  return { bytes: Buffer.from(lines.join('\n')), events: events.length };
}

/** An Elasticsearch `_bulk` body as Serilog.Sinks.Elasticsearch writes it. */
export function encodeEsBulk(events: readonly SyntheticLogEvent[]): LogBody {
  const action = '{"index":{"_index":"logstash-app"}}';
  const lines: string[] = [];
  for (const e of events) {
    lines.push(action);
    const doc: Record<string, unknown> = { '@timestamp': new Date(e.timeMs).toISOString(), level: e.level, messageTemplate: e.template, message: e.message, fields: { ...e.properties, TraceId: e.traceId, SpanId: e.spanId } };
    if (e.exception !== null) doc.exceptions = [{ Message: e.exception }];
    lines.push(JSON.stringify(doc));
  }
  return { bytes: Buffer.from(`${lines.join('\n')}\n`), events: events.length };
}

const SEVERITY: Record<SyntheticLogEvent['level'], number> = { Verbose: 1, Debug: 5, Information: 9, Warning: 13, Error: 17 };

/** An OTLP ExportLogsServiceRequest in protobuf, as the OTel exporters post it. */
export function encodeOtlpLogs(events: readonly SyntheticLogEvent[]): LogBody {
  const logRecords = events.map((e) => ({
    timeUnixNano: String(BigInt(e.timeMs) * 1_000_000n),
    severityNumber: SEVERITY[e.level],
    severityText: e.level,
    body: { stringValue: e.message },
    attributes: Object.entries(e.properties).map(([key, value]) => ({ key, value: typeof value === 'number' ? (Number.isInteger(value) ? { intValue: value } : { doubleValue: value }) : typeof value === 'boolean' ? { boolValue: value } : { stringValue: value } })),
    traceId: Buffer.from(e.traceId, 'hex'),
    spanId: Buffer.from(e.spanId, 'hex'),
  }));
  const request = { resourceLogs: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'shop' } }] }, scopeLogs: [{ scope: { name: 'shop' }, logRecords }] }] };
  const message = otlpLogsProto.request.fromObject(request);
  return { bytes: Buffer.from(otlpLogsProto.request.encode(message).finish()), events: events.length };
}
