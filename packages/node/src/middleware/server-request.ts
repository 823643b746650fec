import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Ambient } from '../context/ambient.ts';
import { newSpanId, newTraceId } from '../ids/new-ids.ts';
import { readIncomingTrace } from '../propagation/incoming-trace.ts';
import { amznTraceHeader } from '../propagation/outgoing-headers.ts';
import type { Sampler } from '../sampling/sampler.ts';
import { epochSeconds, type SpanRecord } from '../spans/span.ts';
import type { Tracer } from '../spans/tracer.ts';

/** What the middleware needs from the client. */
export interface ServerTracing {
  tracer: Tracer;
  sampler: Sampler;
  tenantOf: (request: IncomingMessage) => string | null;
  userOf: (request: IncomingMessage) => string | null;
}

/**
 * Opens the server span of one incoming request: continues its trace (or
 * starts one), decides sampling, answers with the trace header, and closes
 * the span when the response is done. Returns the ambient context to run
 * the request in; never throws (a failure leaves a context with a new trace).
 */
export function beginServerRequest(tracing: ServerTracing, req: IncomingMessage, res: ServerResponse): Ambient {
  try {
    return begin(tracing, req, res);
  } catch {
    // Whatever failed (a throwing tenant hook, say), the request runs with a new, unrecorded trace.
    return { traceId: newTraceId(), spanId: newSpanId(), sampled: false, route: null, tenant: null, user: null, properties: {}, span: null };
  }
}

function begin(tracing: ServerTracing, req: IncomingMessage, res: ServerResponse): Ambient {
  const incoming = readIncomingTrace(req.headers);
  const traceId = incoming?.traceId ?? newTraceId();
  const sampled = incoming?.sampled ?? tracing.sampler.decide({ host: req.headers.host ?? '', method: req.method ?? 'GET', path: pathOf(req.url) });
  const span: SpanRecord = {
    traceId, spanId: newSpanId(), parentId: incoming?.parentId ?? null, name: 'request', kind: 'server', startTime: epochSeconds(), endTime: null,
    http: { method: req.method ?? 'GET', url: requestUrl(req), status: null, clientIp: clientIp(req), userAgent: req.headers['user-agent'] },
    error: false, fault: false, exception: null, annotations: {}, metadata: {},
  };
  const ambient: Ambient = { traceId, spanId: span.spanId, sampled, route: null, span, properties: {}, tenant: tracing.tenantOf(req), user: tracing.userOf(req) };
  if (!res.headersSent) res.setHeader('x-amzn-trace-id', amznTraceHeader(traceId, null, sampled));
  const done = (): void => tracing.tracer.finish(span, ambient, res.statusCode);
  res.once('finish', done);
  res.once('close', done);
  return ambient;
}

/** Default tenant: the first label of a Host with three or more (`acme.shop.example.com` → `acme`). */
export function tenantFromHost(req: IncomingMessage): string | null {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  const labels = host.split('.');
  if (labels.length < 3 || /^\d+$/.test(labels[labels.length - 1] ?? '')) return null;
  return labels[0] || null;
}

function requestUrl(req: IncomingMessage): string {
  const forwarded = req.headers['x-forwarded-proto'];
  const proto = typeof forwarded === 'string' ? forwarded : 'http';
  return `${proto}://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`;
}

function clientIp(req: IncomingMessage): string | undefined {
  const forwarded = req.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || req.socket.remoteAddress;
}

function pathOf(url: string | undefined): string {
  if (url === undefined) return '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
