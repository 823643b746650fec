/**
 * One span of a generated trace, before it is written in any wire format:
 * the OTLP body, the X-Ray segment document and the stored row are all
 * made from it, so the three paths carry the same traces.
 */
export interface SyntheticSpan {
  /** 32 lowercase hex; the first 8 are the trace's start second, as X-Ray ids are. */
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  service: string;
  /** The EC2 instance the service runs on. */
  host: string;
  name: string;
  kind: 'server' | 'client' | 'internal';
  startMicros: number;
  endMicros: number;
  /** `error` for a 4xx, `fault` for a 5xx, as X-Ray classifies them. */
  status: 'ok' | 'error' | 'fault';
  http: { method: string; url: string; status: number; clientIp: string; userAgent: string | null } | null;
  db: { system: 'postgresql' | 'redis'; server: string; database: string; statement: string } | null;
}
