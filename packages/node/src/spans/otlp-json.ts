import type { SpanRecord } from './span.ts';

type OtlpValue = { stringValue: string } | { intValue: string } | { boolValue: boolean } | { doubleValue: number };
const KINDS = { internal: 1, server: 2, client: 3 } as const;

/** An OTLP/HTTP JSON `ExportTraceServiceRequest` body for a batch of spans of one service. */
export function toOtlpTraces(spans: SpanRecord[], service: string): Record<string, unknown> {
  return {
    resourceSpans: [{
      resource: { attributes: [attribute('service.name', service), attribute('telemetry.sdk.name', '@tinsel/node')] },
      scopeSpans: [{ scope: { name: '@tinsel/node' }, spans: spans.map(toOtlpSpan) }],
    }],
  };
}

function toOtlpSpan(span: SpanRecord): Record<string, unknown> {
  const attributes = Object.entries(span.annotations).map(([key, value]) => attribute(key, value));
  if (span.http !== null) {
    attributes.push(attribute('http.request.method', span.http.method), attribute('url.full', span.http.url));
    if (span.http.status !== null) attributes.push(attribute('http.response.status_code', span.http.status));
  }
  for (const [key, value] of Object.entries(span.metadata)) attributes.push(attribute(`context.${key}`, scalar(value)));
  const out: Record<string, unknown> = {
    traceId: span.traceId,
    spanId: span.spanId,
    name: span.name,
    kind: KINDS[span.kind],
    startTimeUnixNano: nanos(span.startTime),
    endTimeUnixNano: nanos(span.endTime ?? span.startTime),
    attributes,
    status: { code: span.fault ? 2 : 0 },
  };
  if (span.parentId !== null) out.parentSpanId = span.parentId;
  if (span.exception !== null) {
    out.events = [{
      name: 'exception',
      timeUnixNano: nanos(span.endTime ?? span.startTime),
      attributes: [attribute('exception.type', span.exception.type), attribute('exception.message', span.exception.message), attribute('exception.stacktrace', span.exception.stack)],
    }];
  }
  return out;
}

// Seconds as a float lose the last digits of nanoseconds; microseconds are what X-Ray keeps anyway.
function nanos(seconds: number): string {
  return `${BigInt(Math.round(seconds * 1e6)) * 1000n}`;
}

function scalar(value: unknown): string | number | boolean {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function attribute(key: string, value: string | number | boolean): { key: string; value: OtlpValue } {
  if (typeof value === 'boolean') return { key, value: { boolValue: value } };
  if (typeof value === 'number') return { key, value: Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value } };
  return { key, value: { stringValue: value } };
}
