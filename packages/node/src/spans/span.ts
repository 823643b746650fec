/** An exception as a span records it. */
export interface SpanException {
  type: string;
  message: string;
  stack: string;
}

/**
 * One span in the SDK's own shape, exported as an X-Ray segment or
 * subsegment, or as an OTLP span. Times are epoch seconds with microsecond
 * fractions, as X-Ray writes them.
 */
export interface SpanRecord {
  traceId: string;
  spanId: string;
  parentId: string | null;
  name: string;
  kind: 'server' | 'client' | 'internal';
  startTime: number;
  endTime: number | null;
  http: { method: string; url: string; status: number | null; clientIp?: string; userAgent?: string } | null;
  /** 4xx: X-Ray's `error`. */
  error: boolean;
  /** 5xx or an exception: X-Ray's `fault`. */
  fault: boolean;
  exception: SpanException | null;
  /** Indexed key/values: tenant, route, user. */
  annotations: Record<string, string | number | boolean>;
  /** The ambient properties at the time the span ended. */
  metadata: Record<string, unknown>;
}

/** Epoch seconds now, with sub-millisecond precision. */
export function epochSeconds(): number {
  return (performance.timeOrigin + performance.now()) / 1000;
}

/** Describes an error as a span keeps it; anything thrown, not only Error. */
export function describeException(error: unknown): SpanException {
  if (error instanceof Error) {
    return { type: error.name || 'Error', message: error.message, stack: error.stack ?? `${error.name}: ${error.message}` };
  }
  const text = safeString(error);
  return { type: typeof error, message: text, stack: text };
}

function safeString(value: unknown): string {
  try {
    return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  } catch {
    return '[unprintable]';
  }
}
