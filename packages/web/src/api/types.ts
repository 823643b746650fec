// The shapes of Tinsel's HTTP API answers (docs/api.md), as the UI reads them.

export type Signal = 'requests' | 'spans' | 'logs';

/** A stored record in its canonical field names. */
export type Row = Record<string, unknown>;

export interface QueryRequest {
  query: string;
  signal: Signal;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string | null;
}

export interface QueryAnswer {
  rows: Row[];
  cursor?: string | null;
  shape: 'rows' | 'stats' | 'timechart';
  explanation: string;
  intervalSeconds?: number;
  stats: { scanned: number; matched: number | null; returned: number; elapsedMs: number };
}

export interface HistogramAnswer {
  intervalSeconds: number;
  total: number;
  buckets: { time: string; count: number }[];
  stats: { elapsedMs: number };
}

export interface FieldSummary {
  name: string;
  type: 'string' | 'number' | 'timestamp' | 'bool' | 'trace_id' | 'json';
  aliases: string[];
  doc: string;
  present: number | null;
  top: { value: unknown; count: number }[];
}

export interface FieldsAnswer {
  signal: Signal;
  sampled: number;
  fields: FieldSummary[];
}

export type StoryOutcome = 'served' | 'client-error' | 'failed-in-app' | 'died-at-load-balancer' | 'unknown';

export interface StoryPhase {
  name: 'request' | 'target' | 'response';
  startMs: number;
  endMs: number;
  durationMs: number;
}

export type StoryRequest = Row & {
  attempt: number;
  self: string | null;
  startMs: number;
  endMs: number;
  phases: StoryPhase[];
  unaccountedMs: number | null;
  outcome: { kind: StoryOutcome; reason: string };
};

export type StorySpan = Row & { span_id: string; depth: number; attempt: number | null; startMs: number; endMs: number | null };

export type StoryLog = Row & { properties: Record<string, unknown> | null; atMs: number; attempt: number | null };

export interface StoryClassification {
  kind: StoryOutcome;
  reason: string;
  attempt: number | null;
  span: { span_id: string; service: string; name: string } | null;
  exception: { type: string | null; message: string | null } | null;
  attempts?: { attempt: number; kind: StoryOutcome; reason: string }[];
}

export interface Story {
  traceId: string;
  xrayId: string;
  origin: string;
  requests: StoryRequest[];
  spans: StorySpan[];
  logs: StoryLog[];
  classification: StoryClassification;
  unaccountedMs: number | null;
  enrichment: Record<string, string | number | null>;
}

/** A span as GET /api/traces/:id returns it. */
export type TraceSpan = Row & {
  span_id: string;
  parent_span_id: string | null;
  service: string;
  name: string;
  start_time: string;
  end_time: string | null;
  duration_ms: number | null;
  status: string;
};

export interface TraceAnswer {
  traceId: string;
  spans: TraceSpan[];
}

export interface TraceSearchRequest {
  from?: string;
  to?: string;
  service?: string;
  name?: string;
  status?: 'ok' | 'error' | 'fault' | 'throttle';
  minDurationMs?: number;
  maxDurationMs?: number;
  annotation?: string;
  limit?: number;
}

export interface TraceSummary {
  trace_id: string;
  start_time: string;
  end_time: string | null;
  root_service: string;
  root_name: string;
  duration_ms: number | null;
  spans: number;
  errors: number;
  faults: number;
  throttles: number;
}

export interface ServiceMapNode {
  id: string;
  name: string;
  type: 'service' | 'remote' | 'load-balancer';
  spans: number;
  errors: number;
  faults: number;
  throttles: number;
}

export interface ServiceMapEdge {
  source: string;
  target: string;
  calls: number;
  errors: number;
  faults: number;
  throttles: number;
  errorRate: number;
  faultRate: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}

export interface ServiceMapAnswer {
  nodes: ServiceMapNode[];
  edges: ServiceMapEdge[];
}
