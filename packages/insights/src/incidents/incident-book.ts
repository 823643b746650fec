import type { Anomaly, AnomalyFamily } from '../detection/anomaly.ts';
import type { ContrastCount } from '../contrast/query-contrast.ts';
import { rankCandidates } from '../contrast/rank-candidates.ts';
import type { Incident } from './incident.ts';

/** What one cycle learned about one family of anomaly. */
export interface FamilyFinding {
  family: AnomalyFamily;
  minute: number;
  anomalies: Anomaly[];
  /** Bad/good counts by dimension value in this minute. */
  contrast: ContrastCount[];
}

interface OpenState {
  incident: Incident;
  counts: Map<string, ContrastCount>;
}

/** Minutes without an anomaly of its family before an incident resolves. */
const QUIET_MINUTES = 3;

/**
 * The lifecycle of incidents: opens one per family on its first anomalous
 * minute, folds each further minute's counts in (so the root cause ranks on
 * the whole incident, not one minute), and resolves it after a few quiet
 * minutes. Returns the incidents that changed, for storing and notifying.
 */
export class IncidentBook {
  private readonly open = new Map<AnomalyFamily, OpenState>();
  private sequence = 0;

  constructor(private readonly idPrefix: string) {}

  openIncidents(): Incident[] {
    return [...this.open.values()].map((s) => s.incident);
  }

  /** Opens or updates the incidents of the families found anomalous in `minute`. */
  record(finding: FamilyFinding, nowMs: number): Incident {
    let state = this.open.get(finding.family);
    const opened = state === undefined;
    if (state === undefined) {
      this.sequence += 1;
      const id = `${this.idPrefix}-${new Date(finding.minute).toISOString().slice(0, 16).replace(/[-:]/g, '')}-${finding.family}-${this.sequence}`;
      state = { incident: blank(id, finding, nowMs), counts: new Map() };
      this.open.set(finding.family, state);
    }
    for (const c of finding.contrast) {
      const key = `${c.dimension}\u0000${c.value}`;
      const prior = state.counts.get(key);
      state.counts.set(key, prior ? { ...prior, bad: prior.bad + c.bad, good: prior.good + c.good } : { ...c });
    }
    const i = state.incident;
    i.signals = finding.anomalies;
    i.lastAnomalous = finding.minute;
    i.updatedAt = nowMs;
    i.candidates = rankCandidates([...state.counts.values()]).slice(0, 10);
    i.impact = impactOf([...state.counts.values()]);
    const top = i.candidates[0];
    i.title = titleOf(i.family, finding.anomalies, top ? `${top.dimension}=${top.value}` : null);
    i.timeline.push({ at: nowMs, kind: opened ? 'opened' : 'updated', text: `${finding.anomalies.length} anomalous figure(s) in ${new Date(finding.minute).toISOString().slice(11, 16)}; top cause ${top ? `${top.dimension}=${top.value}` : 'unknown'}` });
    return i;
  }

  /** Resolves the incidents whose family has been quiet long enough; returns them. */
  resolveQuiet(minute: number, anomalous: ReadonlySet<AnomalyFamily>, nowMs: number): Incident[] {
    const resolved: Incident[] = [];
    for (const [family, state] of this.open) {
      if (anomalous.has(family) || minute - state.incident.lastAnomalous < QUIET_MINUTES * 60_000) continue;
      const i = state.incident;
      i.status = 'resolved';
      i.resolvedAt = nowMs;
      i.updatedAt = nowMs;
      i.timeline.push({ at: nowMs, kind: 'resolved', text: `no ${family} anomaly for ${QUIET_MINUTES} minutes` });
      this.open.delete(family);
      resolved.push(i);
    }
    return resolved;
  }

  /** Takes back open incidents after a restart. */
  adopt(incidents: readonly Incident[]): void {
    for (const incident of incidents) if (incident.status === 'open') this.open.set(incident.family, { incident, counts: new Map() });
  }
}

function blank(id: string, f: FamilyFinding, nowMs: number): Incident {
  return {
    id, family: f.family, status: 'open', title: '', openedAt: nowMs, updatedAt: nowMs, resolvedAt: null, onset: f.minute, lastAnomalous: f.minute,
    signals: [], candidates: [], sampleTraceIds: [], impact: { requests: 0, badRequests: 0, tenants: [] }, timeline: [],
  };
}

function impactOf(counts: readonly ContrastCount[]): Incident['impact'] {
  const routes = counts.filter((c) => c.dimension === 'route');
  const tenants = counts.filter((c) => c.dimension === 'tenant' && c.bad > 0).sort((a, b) => b.bad - a.bad);
  return {
    requests: routes.reduce((a, c) => a + c.bad + c.good, 0),
    badRequests: routes.reduce((a, c) => a + c.bad, 0),
    tenants: tenants.map((c) => ({ tenant: c.value, badRequests: c.bad })),
  };
}

const familyWords: Record<AnomalyFamily, string> = { errors: 'Error rate up', latency: 'Latency up', disconnects: 'Clients giving up' };

function titleOf(family: AnomalyFamily, anomalies: readonly Anomaly[], cause: string | null): string {
  const scopes = [...new Set(anomalies.map((a) => (a.scopeKind === 'estate' ? 'estate' : `${a.scopeKind} ${a.scope}`)))].slice(0, 2).join(', ');
  return `${familyWords[family]} (${scopes})${cause ? `: likely ${cause}` : ''}`;
}
