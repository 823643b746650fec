import type { Anomaly, AnomalyFamily } from '../detection/anomaly.ts';
import type { CauseCandidate } from '../contrast/rank-candidates.ts';

export type IncidentEventKind = 'opened' | 'updated' | 'resolved';

/** One entry of an incident's timeline. */
export interface IncidentEvent {
  /** Epoch milliseconds. */
  at: number;
  kind: IncidentEventKind;
  text: string;
}

/**
 * A stretch of anomalous minutes of one family (errors, latency, client
 * disconnects), what it touched and what most likely caused it.
 */
export interface Incident {
  id: string;
  family: AnomalyFamily;
  status: 'open' | 'resolved';
  title: string;
  /** Epoch milliseconds. */
  openedAt: number;
  updatedAt: number;
  resolvedAt: number | null;
  /** First anomalous minute, epoch milliseconds. */
  onset: number;
  /** Last anomalous minute. */
  lastAnomalous: number;
  /** The anomalies of the latest anomalous minute. */
  signals: Anomaly[];
  /** Root-cause candidates over the incident's minutes, best first. */
  candidates: CauseCandidate[];
  /** Trace ids of bad requests carrying the top candidate: their stories. */
  sampleTraceIds: string[];
  impact: IncidentImpact;
  timeline: IncidentEvent[];
}

export interface IncidentImpact {
  /** Requests in the incident's minutes, and the bad ones among them. */
  requests: number;
  badRequests: number;
  /** Tenants with bad requests, most first. */
  tenants: { tenant: string; badRequests: number }[];
}
