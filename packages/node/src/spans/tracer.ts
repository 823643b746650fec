import { contextProperties, currentContext, routeOf, type Ambient } from '../context/ambient.ts';
import { newSpanId } from '../ids/new-ids.ts';
import { describeException, epochSeconds, type SpanRecord } from './span.ts';

/** Where finished, sampled spans go (the exporter's queue). */
export type SpanSink = (span: SpanRecord) => void;

/**
 * Opens and closes spans inside ambient contexts. Unsampled traces still get
 * span ids (so logs and outgoing headers carry them) but nothing is
 * recorded or sent.
 */
export class Tracer {
  constructor(private readonly sink: SpanSink) {}

  /** A client span under the current context, and the context to run the call in; null outside a request. */
  startClientSpan(name: string, http: SpanRecord['http']): { span: SpanRecord; ambient: Ambient } | null {
    const parent = currentContext();
    if (parent === undefined) return null;
    const span: SpanRecord = {
      traceId: parent.traceId, spanId: newSpanId(), parentId: parent.spanId, name, kind: 'client',
      startTime: epochSeconds(), endTime: null, http, error: false, fault: false, exception: null, annotations: {}, metadata: {},
    };
    return { span, ambient: { ...parent, spanId: span.spanId, span } };
  }

  /** Closes a span with its status (and error, if any) and records it when its trace is sampled. */
  finish(span: SpanRecord, ambient: Ambient, status: number | null, error?: unknown): void {
    try {
      if (span.endTime !== null) return;
      span.endTime = epochSeconds();
      if (span.http !== null) span.http.status = status;
      if (status !== null && status >= 400 && status < 500) span.error = true;
      if ((status !== null && status >= 500) || error !== undefined) span.fault = true;
      if (error !== undefined && span.exception === null) span.exception = describeException(error);
      if (span.kind === 'server') annotate(span, ambient);
      if (ambient.sampled) this.sink(span);
    } catch {
      // A span that cannot be recorded is lost, never an error in the app.
    }
  }
}

function annotate(span: SpanRecord, ambient: Ambient): void {
  const route = routeOf(ambient);
  if (route !== null) span.annotations.route = route;
  // OTLP names a server span by method and route template, as OTel's HTTP conventions do.
  span.name = route !== null && span.http !== null ? `${span.http.method} ${route}` : (span.http?.method ?? span.name);
  if (ambient.tenant !== null) span.annotations.tenant = ambient.tenant;
  if (ambient.user !== null) span.annotations.user = ambient.user;
  const { trace_id: _t, span_id: _s, ...rest } = contextProperties(ambient);
  span.metadata = rest;
}
