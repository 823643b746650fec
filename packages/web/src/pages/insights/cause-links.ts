// Where an incident's cause leads: Search on the bad requests carrying it
// in the incident's window, and the dashboards broken down by its dimension.
import { dashboardsPath, searchPath } from '../../app/index.ts';
import type { IncidentFamily } from '../../api/index.ts';
import { DIMENSIONS, tqlValue } from '../dashboards/dashboard-queries.ts';

const MINUTE = 60_000;

/** Requests the incident's family counts as bad; latency has no fixed bound, so it adds none. */
const BAD_FILTER: Record<IncidentFamily, string> = { errors: 'status:5xx', latency: '', disconnects: 'status:460' };

/**
 * A cause as a TQL filter on requests. A route (`GET /products/{id}`) becomes
 * its method and a path pattern, since routes fold numeric segments.
 *
 * @example causeFilter({ dimension: 'app_version', value: '4.3.66' }) // 'app_version:4.3.66'
 * @example causeFilter({ dimension: 'route', value: 'GET /products/{id}' }) // 'method:GET path:/products/*'
 */
export function causeFilter(cause: { dimension: string; value: string }): string {
  if (cause.dimension === 'route') {
    const [method = '', ...rest] = cause.value.split(' ');
    const path = rest.join(' ');
    const folded = path.replace(/\{id\}/g, '*');
    const pattern = /^[\w./~*-]+$/.test(folded) ? folded : tqlValue(path);
    return [method && method !== '-' ? `method:${method}` : '', path && path !== '-' ? `path:${pattern}` : ''].filter(Boolean).join(' ');
  }
  return `${cause.dimension}:${tqlValue(cause.value)}`;
}

/** The bad requests of a family carrying a cause: `status:5xx app_version:4.3.66`. */
export function badRequestsFilter(family: IncidentFamily, cause: { dimension: string; value: string } | null): string {
  return [BAD_FILTER[family], cause ? causeFilter(cause) : ''].filter(Boolean).join(' ') || '*';
}

/** What decides an incident's window: from its onset to the end of its last anomalous minute (or now while open). */
export interface IncidentTimes {
  status: 'open' | 'resolved';
  onset: string;
  resolvedAt: string | null;
  lastAnomalous?: string;
}

/**
 * The incident's window as Search takes it. A resolved incident without a
 * last anomalous minute ends at its resolution.
 */
export function incidentWindow(incident: IncidentTimes): { from: string; to: string } {
  const from = incident.onset;
  if (incident.status === 'open') return { from, to: 'now' };
  const end = incident.lastAnomalous ? Date.parse(incident.lastAnomalous) + MINUTE : Date.parse(incident.resolvedAt ?? incident.onset);
  return { from, to: new Date(end).toISOString() };
}

/** Search on the bad requests carrying the cause, in the incident's window. */
export function causeSearchPath(incident: IncidentTimes & { family: IncidentFamily }, cause: { dimension: string; value: string } | null): string {
  return searchPath({ signal: 'requests', q: badRequestsFilter(incident.family, cause), ...incidentWindow(incident) });
}

/**
 * The dashboards broken down by the cause's dimension, from 15 minutes before
 * the onset to 5 minutes after the window, so the change stands out; null for
 * a dimension the dashboards cannot break down by.
 */
export function causeDashboardsPath(incident: IncidentTimes, cause: { dimension: string }): string | null {
  if (!DIMENSIONS.some((d) => d.field !== '' && d.field === cause.dimension)) return null;
  const window = incidentWindow(incident);
  const from = new Date(Date.parse(incident.onset) - 15 * MINUTE).toISOString();
  const to = window.to === 'now' ? 'now' : new Date(Date.parse(window.to) + 5 * MINUTE).toISOString();
  return dashboardsPath({ from, to, by: cause.dimension });
}
