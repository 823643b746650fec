/** Log levels as Tinsel stores them. */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** One log event on its way to Tinsel, whatever logger wrote it. */
export interface LogEvent {
  /** Epoch milliseconds. */
  timestamp: number;
  level: LogLevel;
  message: string;
  template: string | null;
  exception: string | null;
  traceId: string | null;
  spanId: string | null;
  properties: Record<string, unknown>;
}

const CLEF_LEVELS: Record<LogLevel, string> = { trace: 'Verbose', debug: 'Debug', info: 'Information', warn: 'Warning', error: 'Error', fatal: 'Fatal' };
const OTLP_SEVERITY: Record<LogLevel, number> = { trace: 1, debug: 5, info: 9, warn: 13, error: 17, fatal: 21 };

/** One CLEF line (`@t`, `@l`, `@mt`/`@m`, `@x`, `@tr`, `@sp`, then the properties). */
export function toClefLine(event: LogEvent): string {
  const clef: Record<string, unknown> = { '@t': new Date(event.timestamp).toISOString(), '@l': CLEF_LEVELS[event.level] };
  if (event.template !== null) clef['@mt'] = event.template;
  clef['@m'] = event.message;
  if (event.exception !== null) clef['@x'] = event.exception;
  if (event.traceId !== null) clef['@tr'] = event.traceId;
  if (event.spanId !== null) clef['@sp'] = event.spanId;
  for (const key in event.properties) {
    // CLEF reserves names starting with @; a property of that name is escaped by doubling it.
    clef[key.startsWith('@') ? `@${key}` : key] = event.properties[key];
  }
  return safeJson(clef);
}

/** An OTLP/HTTP JSON `ExportLogsServiceRequest` body. */
export function toOtlpLogs(events: LogEvent[], service: string): Record<string, unknown> {
  const logRecords = events.map((event) => {
    const attributes = Object.entries(event.properties).map(([key, value]) => ({ key, value: { stringValue: typeof value === 'string' ? value : safeJson(value) } }));
    if (event.template !== null) attributes.push({ key: 'message_template.text', value: { stringValue: event.template } });
    if (event.exception !== null) attributes.push({ key: 'exception.stacktrace', value: { stringValue: event.exception } });
    const record: Record<string, unknown> = {
      timeUnixNano: `${BigInt(Math.round(event.timestamp * 1000)) * 1000n}`,
      severityNumber: OTLP_SEVERITY[event.level],
      severityText: event.level,
      body: { stringValue: event.message },
      attributes,
    };
    if (event.traceId !== null) record.traceId = event.traceId;
    if (event.spanId !== null) record.spanId = event.spanId;
    return record;
  });
  return { resourceLogs: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] }, scopeLogs: [{ scope: { name: '@tinsel/node' }, logRecords }] }] };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? 'null';
  } catch {
    return '"[unserialisable]"';
  }
}
