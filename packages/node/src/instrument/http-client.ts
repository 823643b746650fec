import http, { type ClientRequest } from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import { runInContext } from '../context/ambient.ts';
import { outgoingHeaders } from '../propagation/outgoing-headers.ts';
import type { Tracer } from '../spans/tracer.ts';

type RequestFn = typeof http.request;

/**
 * Wraps `http.request`/`get` and `https.request`/`get` so that a call made
 * inside a request carries the trace headers and is recorded as a client
 * span. The header is set on the returned request before any byte is
 * written (the diagnostics channel of node:http fires too late for that).
 * Returns a function that puts the originals back.
 */
export function instrumentHttpClient(tracer: Tracer): () => void {
  const originals = [http.request, http.get, https.request, https.get] as const;
  http.request = wrapRequest(tracer, originals[0], 'http:');
  http.get = wrapGet(http.request);
  https.request = wrapRequest(tracer, originals[2], 'https:');
  https.get = wrapGet(https.request);
  syncBuiltinESMExports();
  return () => {
    [http.request, http.get, https.request, https.get] = originals;
    syncBuiltinESMExports();
  };
}

function wrapGet(request: RequestFn): RequestFn {
  return function get(this: unknown, ...args: unknown[]) {
    const req = (request as (...a: unknown[]) => ClientRequest)(...args);
    req.end();
    return req;
  } as RequestFn;
}

function wrapRequest(tracer: Tracer, original: RequestFn, protocol: string): RequestFn {
  return function request(this: unknown, ...args: unknown[]) {
    const req = (original as (...a: unknown[]) => ClientRequest).apply(this, args);
    try {
      trace(tracer, req, protocol);
    } catch {
      // Tracing is optional; the call itself must go on.
    }
    return req;
  } as RequestFn;
}

function trace(tracer: Tracer, req: ClientRequest, protocol: string): void {
  const host = String(req.getHeader('host') ?? req.host);
  const started = tracer.startClientSpan(host, { method: req.method, url: `${protocol}//${host}${req.path}`, status: null });
  if (started === null || req.headersSent) return;
  const { span, ambient } = started;
  const headers = outgoingHeaders(span.traceId, span.spanId, ambient.sampled);
  req.setHeader('x-amzn-trace-id', headers['x-amzn-trace-id']);
  req.setHeader('traceparent', headers.traceparent);
  req.once('response', (res) => {
    const done = (): void => runInContext(ambient, () => tracer.finish(span, ambient, res.statusCode ?? null));
    res.once('end', done);
    res.once('close', done);
  });
  req.once('error', (error) => tracer.finish(span, ambient, null, error));
}
