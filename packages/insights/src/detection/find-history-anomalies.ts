import type { Anomaly, AnomalyFamily, AnomalyMetric, DetectionSettings } from './anomaly.ts';
import type { MinuteFigures } from './minute-figures.ts';
import { binomialZ, robustBaseline, type Baseline } from './robust-baseline.ts';

interface RateMetric {
  metric: AnomalyMetric;
  family: AnomalyFamily;
  bad: (f: MinuteFigures) => number;
}

const rateMetrics: RateMetric[] = [
  { metric: 'alb_5xx_rate', family: 'errors', bad: (f) => f.alb5xx },
  { metric: 'target_5xx_rate', family: 'errors', bad: (f) => f.target5xx },
  { metric: 'client_closed_rate', family: 'disconnects', bad: (f) => f.clientClosed },
];

/** A scope's figures now, in its recent minutes, and at the same hour on previous days. */
export interface ScopeHistory {
  current: MinuteFigures;
  recent: readonly MinuteFigures[];
  sameHour: readonly MinuteFigures[];
}

/** Fewest past minutes before a baseline is trusted. */
const MIN_POINTS = 10;

/**
 * The anomalies of one scope's current minute against its own history:
 * each rate and percentile must clear the robust baseline of the recent
 * minutes and, when previous days hold the same hour, that one as well.
 */
export function findHistoryAnomalies(h: ScopeHistory, s: DetectionSettings): Anomaly[] {
  const found: Anomaly[] = [];
  const { current } = h;
  if (current.requests < s.minRequests) return found;
  for (const m of rateMetrics) {
    const rate = (f: MinuteFigures) => m.bad(f) / f.requests;
    const bases = baselines(h, rate, s.minRequests);
    if (bases.length === 0) continue;
    const bad = m.bad(current);
    const value = bad / current.requests;
    const thresholds = bases.map((b) => b.median + Math.max(s.sigmas * b.spread, s.minRateRise));
    const threshold = Math.max(...thresholds);
    const expected = Math.max(...bases.map((b) => b.median));
    if (bad >= s.minBad && value > threshold && binomialZ(bad, current.requests, expected) >= s.sigmas) {
      found.push(anomaly(current, m.family, m.metric, value, expected, threshold));
    }
  }
  if (current.requests < s.minLatencyRequests) return found;
  for (const metric of latencyMetrics(current)) {
    const value = current[metric];
    if (value === null) continue;
    const bases = baselines(h, (f) => f[metric] ?? Number.NaN, s.minLatencyRequests);
    if (bases.length === 0) continue;
    const threshold = Math.max(...bases.map((b) => Math.max(b.median + s.sigmas * b.spread, b.median * s.minLatencyFactor)));
    if (value > threshold) found.push(anomaly(current, 'latency', metric, value, Math.max(...bases.map((b) => b.median)), threshold));
  }
  return found;
}

/**
 * Tails only where requests are alike (a route, a service). The estate and a
 * target group mix fast pages with slow checkouts, so their p95 jumps
 * between the two whenever a few more checkouts land in a minute: judge
 * their median there, and leave the tails to the routes.
 */
function latencyMetrics(f: MinuteFigures): ('p50' | 'p95' | 'p99')[] {
  return f.scopeKind === 'estate' || f.scopeKind === 'target_group' ? ['p50'] : ['p95', 'p99'];
}

function baselines(h: ScopeHistory, value: (f: MinuteFigures) => number, minRequests: number): Baseline[] {
  const out: Baseline[] = [];
  for (const series of [h.recent, h.sameHour]) {
    const values = series.filter((f) => f.requests >= minRequests).map(value).filter((v) => Number.isFinite(v));
    const b = values.length >= MIN_POINTS ? robustBaseline(values) : null;
    if (b) out.push(b);
  }
  return out;
}

function anomaly(f: MinuteFigures, family: AnomalyFamily, metric: AnomalyMetric, value: number, expected: number, threshold: number): Anomaly {
  return { family, metric, scopeKind: f.scopeKind, scope: f.scope, minute: f.minute, value, expected, threshold, requests: f.requests, against: 'history' };
}
