import diagnostics from 'node:diagnostics_channel';
import type { Ambient } from '../context/ambient.ts';
import { outgoingHeaders } from '../propagation/outgoing-headers.ts';
import type { SpanRecord } from '../spans/span.ts';
import type { Tracer } from '../spans/tracer.ts';

interface UndiciRequest { method: string; origin: string; path: string; addHeader(name: string, value: string): void }

/**
 * Traces `fetch` and undici through their diagnostics channels:
 * `undici:request:create` adds the trace headers and opens a client span,
 * `headers` notes the status, `trailers` closes it, `error` closes it as a
 * fault. Returns a function that unsubscribes.
 */
export function instrumentUndici(tracer: Tracer): () => void {
  const open = new WeakMap<object, { span: SpanRecord; ambient: Ambient; status: number | null }>();
  const onCreate = (message: unknown): void => {
    try {
      const { request } = message as { request: UndiciRequest };
      const started = tracer.startClientSpan(new URL(request.origin).host, { method: request.method, url: `${request.origin}${request.path}`, status: null });
      if (started === null) return;
      const headers = outgoingHeaders(started.span.traceId, started.span.spanId, started.ambient.sampled);
      request.addHeader('x-amzn-trace-id', headers['x-amzn-trace-id']);
      request.addHeader('traceparent', headers.traceparent);
      open.set(request, { ...started, status: null });
    } catch {
      // The request goes on untraced.
    }
  };
  const onHeaders = (message: unknown): void => {
    const { request, response } = message as { request: object; response: { statusCode: number } };
    const entry = open.get(request);
    if (entry !== undefined) entry.status = response.statusCode;
  };
  const onTrailers = (message: unknown): void => {
    const { request } = message as { request: object };
    const entry = open.get(request);
    if (entry === undefined) return;
    open.delete(request);
    tracer.finish(entry.span, entry.ambient, entry.status);
  };
  const onError = (message: unknown): void => {
    const { request, error } = message as { request: object; error: unknown };
    const entry = open.get(request);
    if (entry === undefined) return;
    open.delete(request);
    tracer.finish(entry.span, entry.ambient, entry.status, error);
  };
  const channels: Array<[string, (message: unknown) => void]> = [
    ['undici:request:create', onCreate], ['undici:request:headers', onHeaders], ['undici:request:trailers', onTrailers], ['undici:request:error', onError],
  ];
  for (const [name, handler] of channels) diagnostics.subscribe(name, handler);
  return () => {
    for (const [name, handler] of channels) diagnostics.unsubscribe(name, handler);
  };
}
