import type { ScopeKind } from './minute-figures.ts';

/** What kind of trouble an anomaly is: it decides which requests count as bad. */
export type AnomalyFamily = 'errors' | 'latency' | 'disconnects';

export type AnomalyMetric = 'alb_5xx_rate' | 'target_5xx_rate' | 'client_closed_rate' | 'p50' | 'p95' | 'p99';

/** One figure of one scope in one minute that lies outside what was expected. */
export interface Anomaly {
  family: AnomalyFamily;
  metric: AnomalyMetric;
  scopeKind: ScopeKind;
  scope: string;
  /** Epoch milliseconds of the minute. */
  minute: number;
  value: number;
  /** The baseline (or the fleet's figure) it was compared with. */
  expected: number;
  threshold: number;
  requests: number;
  /** `history`: the scope's own recent minutes (and the same hour on previous days); `fleet`: its peers in the same minute. */
  against: 'history' | 'fleet';
}

/** Thresholds of the detector; the defaults suit a few hundred requests a minute and up. */
export interface DetectionSettings {
  /** Fewest requests in a minute for a scope's rates to be judged. */
  minRequests: number;
  /** Fewest bad requests for a rate anomaly. */
  minBad: number;
  /** Robust standard deviations above the median. */
  sigmas: number;
  /** A rate must also rise by at least this much (absolute share of requests). */
  minRateRise: number;
  /** A percentile must also rise by at least this factor of its baseline. */
  minLatencyFactor: number;
  /** Fewest requests for a percentile to be judged. */
  minLatencyRequests: number;
}

export const defaultDetectionSettings: DetectionSettings = {
  minRequests: 20,
  minBad: 5,
  sigmas: 4,
  minRateRise: 0.01,
  minLatencyFactor: 2,
  minLatencyRequests: 100,
};
