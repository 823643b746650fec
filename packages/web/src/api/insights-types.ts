// The shapes of the insights and alerts answers (docs/api.md, "Insights and alerts").

/** What kind of trouble an incident is: 5xx, slowness, or clients hanging up (460). */
export type IncidentFamily = 'errors' | 'latency' | 'disconnects';

/** The best root-cause candidate, as the incident list carries it. */
export interface TopCause {
  dimension: string;
  value: string;
  badShare: number;
  lift: number | null;
}

/** One row of GET /api/insights. */
export interface IncidentSummary {
  id: string;
  status: 'open' | 'resolved';
  family: IncidentFamily;
  title: string;
  openedAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  onset: string;
  topCause: TopCause | null;
  requests: number;
  badRequests: number;
  /** How many tenants had bad requests. */
  tenants: number;
}

/** One anomalous figure of the incident's latest anomalous minute. */
export interface IncidentSignal {
  family: IncidentFamily;
  metric: 'alb_5xx_rate' | 'target_5xx_rate' | 'client_closed_rate' | 'p50' | 'p95' | 'p99';
  scopeKind: 'estate' | 'target_group' | 'route' | 'service' | 'host' | 'version';
  scope: string;
  minute: string;
  value: number;
  expected: number;
  threshold: number;
  requests: number;
  against: 'history' | 'fleet';
}

/** A dimension value ranked by how much more of the bad requests than of the good ones carry it. */
export interface CauseCandidate {
  dimension: string;
  value: string;
  badShare: number;
  goodShare: number;
  lift: number | null;
  badRequests: number;
  note?: string;
}

/** GET /api/insights/:id: one incident whole. */
export interface Incident extends Omit<IncidentSummary, 'topCause' | 'requests' | 'badRequests' | 'tenants'> {
  lastAnomalous: string;
  signals: IncidentSignal[];
  candidates: CauseCandidate[];
  sampleTraceIds: string[];
  samples: { traceId: string; story: string }[];
  impact: { requests: number; badRequests: number; tenants: { tenant: string; badRequests: number }[] };
  timeline: { at: string; kind: 'opened' | 'updated' | 'resolved'; text: string }[];
}

/** One group of a rule's query whose value meets the condition. */
export interface AlertInstance {
  labels: Record<string, string>;
  value: number;
  state: 'pending' | 'firing';
  since: string;
  silenced: boolean;
}

/** An alert rule with its pending and firing alerts. */
export interface AlertRuleState {
  name: string;
  query: string;
  signal: string;
  condition: string;
  window: string;
  for: string;
  notify: string[];
  origin: 'config' | 'api';
  alerts: AlertInstance[];
}

/** A silence: a rule, label matchers or both, over a time span. */
export interface Silence {
  id: string;
  rule: string | null;
  matchers: Record<string, string>;
  startsAt: string;
  endsAt: string;
  comment: string;
  createdBy: string;
}

/** What POST /api/silences takes. */
export interface SilenceRequest {
  rule?: string;
  matchers?: Record<string, string>;
  duration?: string;
  comment?: string;
  createdBy?: string;
}

/** What POST /api/alerts takes: a TQL query ending in `| stats`, a condition on its first aggregate. */
export interface AlertRuleRequest {
  name: string;
  query: string;
  signal?: 'requests' | 'spans' | 'logs';
  condition: string;
  window?: string;
  for?: string;
}

/** GET /api/alerts. */
export interface AlertsAnswer {
  rules: AlertRuleState[];
  silences: Silence[];
}
