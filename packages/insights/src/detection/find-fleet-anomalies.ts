import type { Anomaly, AnomalyFamily, AnomalyMetric, DetectionSettings } from './anomaly.ts';
import type { MinuteFigures } from './minute-figures.ts';
import { binomialZ, median, robustBaseline } from './robust-baseline.ts';

type Peer = { self: MinuteFigures; peers: MinuteFigures[] };

const rates: { metric: AnomalyMetric; family: AnomalyFamily; bad: (f: MinuteFigures) => number }[] = [
  { metric: 'alb_5xx_rate', family: 'errors', bad: (f) => f.alb5xx },
  { metric: 'target_5xx_rate', family: 'errors', bad: (f) => f.target5xx },
  { metric: 'client_closed_rate', family: 'disconnects', bad: (f) => f.clientClosed },
];

/**
 * Hosts against the fleet in the same minute (each host's rates and median
 * latency against the median host), and, while more than one app version serves,
 * each version against the others put together.
 */
export function findFleetAnomalies(figures: readonly MinuteFigures[], s: DetectionSettings): Anomaly[] {
  const hosts = figures.filter((f) => f.scopeKind === 'host' && f.requests >= s.minRequests);
  const versions = figures.filter((f) => f.scopeKind === 'version' && f.requests >= s.minRequests);
  const found: Anomaly[] = [];
  // Fewer than three hosts have no meaningful median to stand out from.
  if (hosts.length >= 3) for (const self of hosts) found.push(...judge({ self, peers: hosts.filter((h) => h !== self) }, s, true));
  if (versions.length >= 2) for (const self of versions) found.push(...judge({ self, peers: versions.filter((v) => v !== self) }, s, false));
  return found;
}

function judge({ self, peers }: Peer, s: DetectionSettings, useMedian: boolean): Anomaly[] {
  const found: Anomaly[] = [];
  for (const m of rates) {
    const bad = m.bad(self);
    const value = bad / self.requests;
    const peerRates = peers.map((p) => m.bad(p) / p.requests);
    const pooled = peers.reduce((a, p) => a + m.bad(p), 0) / Math.max(1, peers.reduce((a, p) => a + p.requests, 0));
    const expected = useMedian ? median(peerRates) : pooled;
    const spread = useMedian ? (robustBaseline(peerRates)?.spread ?? 0) : 0;
    const threshold = expected + Math.max(s.sigmas * spread, s.minRateRise);
    if (bad >= s.minBad && value > threshold && binomialZ(bad, self.requests, Math.max(expected, pooled)) >= s.sigmas) {
      found.push({ family: m.family, metric: m.metric, scopeKind: self.scopeKind, scope: self.scope, minute: self.minute, value, expected, threshold, requests: self.requests, against: 'fleet' });
    }
  }
  // The median, not a tail: a host's p95 follows whichever slow routes it happened to serve that minute.
  const p50 = self.p50;
  const peerP50 = peers.filter((p) => p.requests >= s.minRequests && p.p50 !== null).map((p) => p.p50 as number);
  if (p50 !== null && self.requests >= s.minRequests * 2 && peerP50.length > 0) {
    const expected = useMedian ? median(peerP50) : Math.max(...peerP50);
    const threshold = expected * s.minLatencyFactor;
    if (p50 > threshold) {
      found.push({ family: 'latency', metric: 'p50', scopeKind: self.scopeKind, scope: self.scope, minute: self.minute, value: p50, expected, threshold, requests: self.requests, against: 'fleet' });
    }
  }
  return found;
}
