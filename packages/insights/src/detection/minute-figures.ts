/** Where a series of figures is measured. */
export type ScopeKind = 'estate' | 'target_group' | 'route' | 'service' | 'host' | 'version';

/** One scope's request figures over one minute, aggregated in the store. */
export interface MinuteFigures {
  /** Start of the minute, epoch milliseconds. */
  minute: number;
  scopeKind: ScopeKind;
  /** The scope's value (`*` for the estate). */
  scope: string;
  requests: number;
  /** 5xx the load balancer produced itself: no target answered. */
  alb5xx: number;
  /** 5xx a target returned (or X-Ray faults, for services). */
  target5xx: number;
  /** 460: the client closed the connection before the answer. */
  clientClosed: number;
  /** Target processing time percentiles, seconds; null without timings. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/** The ratio of errors of every kind to requests. */
export function errorRate(f: MinuteFigures): number {
  return f.requests === 0 ? 0 : (f.alb5xx + f.target5xx) / f.requests;
}

/** The share of requests the client gave up on. */
export function closedRate(f: MinuteFigures): number {
  return f.requests === 0 ? 0 : f.clientClosed / f.requests;
}

export function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** A bucket returned by the store (ISO-8601, with or without a zone) as epoch milliseconds. */
export function bucketMs(value: unknown): number {
  const text = String(value);
  return Date.parse(/Z$|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
}
