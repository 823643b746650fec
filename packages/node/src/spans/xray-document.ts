import type { SpanRecord } from './span.ts';

/**
 * An X-Ray segment document for a server span, or an independent
 * subsegment document (with `type`, `parent_id` and `trace_id`) for the rest,
 * as the daemon accepts them one per datagram.
 */
export function toXrayDocument(span: SpanRecord, service: string): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    name: span.kind === 'server' ? service : span.name,
    id: span.spanId,
    trace_id: `1-${span.traceId.slice(0, 8)}-${span.traceId.slice(8)}`,
    start_time: span.startTime,
  };
  if (span.endTime === null) doc.in_progress = true;
  else doc.end_time = span.endTime;
  if (span.parentId !== null) doc.parent_id = span.parentId;
  if (span.kind !== 'server') doc.type = 'subsegment';
  if (span.kind === 'client') doc.namespace = 'remote';
  if (span.http !== null) doc.http = xrayHttp(span);
  if (span.error) doc.error = true;
  if (span.fault) doc.fault = true;
  if (span.exception !== null) {
    doc.cause = { exceptions: [{ type: span.exception.type, message: span.exception.message, stack: xrayStack(span.exception.stack) }] };
  }
  if (Object.keys(span.annotations).length > 0) doc.annotations = span.annotations;
  if (Object.keys(span.metadata).length > 0) doc.metadata = { default: span.metadata };
  return doc;
}

function xrayHttp(span: SpanRecord): Record<string, unknown> {
  const http = span.http!;
  const request: Record<string, unknown> = { method: http.method, url: http.url };
  if (http.clientIp !== undefined) request.client_ip = http.clientIp;
  if (http.userAgent !== undefined) request.user_agent = http.userAgent;
  return http.status === null ? { request } : { request, response: { status: http.status } };
}

// X-Ray wants frames as objects; the first line of a V8 stack is the message.
function xrayStack(stack: string): Array<{ label: string; path?: string; line?: number }> {
  const frames: Array<{ label: string; path?: string; line?: number }> = [];
  for (const raw of stack.split('\n').slice(1, 51)) {
    const line = raw.trim().replace(/^at /, '');
    const match = /^(.*?) \((.*):(\d+):\d+\)$/.exec(line) ?? /^()(.*):(\d+):\d+$/.exec(line);
    if (match === null) frames.push({ label: line });
    else frames.push({ label: match[1] || '<anonymous>', path: match[2], line: Number(match[3]) });
  }
  return frames;
}
