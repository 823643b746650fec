// How incidents read: families, figures, durations and impact as an
// on-call engineer scans them.
import type { IncidentFamily, IncidentSignal } from '../../api/index.ts';
import { formatMs, formatPercent } from '../trace/format-duration.ts';

/** The family as a heading word. */
export const FAMILY_LABEL: Record<IncidentFamily, string> = { errors: '5xx errors', latency: 'latency', disconnects: 'client disconnects (460)' };

const METRIC_LABEL: Record<IncidentSignal['metric'], string> = {
  alb_5xx_rate: '5xx from the load balancer',
  target_5xx_rate: '5xx from targets',
  client_closed_rate: 'clients hanging up (460)',
  p50: 'median target time',
  p95: 'p95 target time',
  p99: 'p99 target time',
};

const SCOPE_LABEL: Record<IncidentSignal['scopeKind'], string> = { estate: 'estate', target_group: 'target group', route: 'route', service: 'service', host: 'host', version: 'version' };

/** What a signal measured, in words: `alb_5xx_rate` → `5xx from the load balancer`. */
export function metricLabel(metric: string): string {
  return METRIC_LABEL[metric as IncidentSignal['metric']] ?? metric;
}

/** Where a signal was measured: `host i-0abc`, or just `estate`. */
export function scopeText(kind: string, scope: string): string {
  const label = SCOPE_LABEL[kind as IncidentSignal['scopeKind']] ?? kind;
  return kind === 'estate' || scope === '' ? label : `${label} ${scope}`;
}

/**
 * One figure of a signal: rates as percentages, latencies (seconds of target time) in ms or s.
 *
 * @example signalFigure('p95', 1.2) // '1.2 s'
 */
export function signalFigure(metric: string, value: number): string {
  return metric.startsWith('p') ? formatMs(value * 1000) : formatPercent(value);
}

/**
 * A span of time as people say it: `45 s`, `12 min`, `2 h 5 min`, `3 d 4 h`.
 *
 * @example spanOf(125 * 60_000) // '2 h 5 min'
 */
export function spanOf(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 1440) return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  const hours = Math.floor(minutes / 60);
  return `${Math.floor(hours / 24)} d${hours % 24 ? ` ${hours % 24} h` : ''}`;
}

/** How long an incident lasted, or has lasted so far while open. */
export function incidentDuration(incident: { onset: string; resolvedAt: string | null }, nowMs: number): string {
  const end = incident.resolvedAt === null ? nowMs : Date.parse(incident.resolvedAt);
  return spanOf(end - Date.parse(incident.onset));
}

/**
 * Bad requests out of all, with their share.
 *
 * @example impactText(245, 3500) // '245 / 3,500 (7.0%)'
 */
export function impactText(badRequests: number, requests: number): string {
  return `${badRequests.toLocaleString('en')} / ${requests.toLocaleString('en')} (${formatPercent(requests > 0 ? badRequests / requests : 0)})`;
}

/** A candidate's lift: `7.0×`, or `only bad` when no good request carries the value. */
export function liftText(lift: number | null): string {
  if (lift === null) return 'only in bad requests';
  return `${lift >= 10 ? Math.round(lift) : lift.toFixed(1)}×`;
}

/** `2026-11-24T14:00:00.000Z` → `2026-11-24 14:00 UTC`; seconds only when they are not zero. */
export function minuteText(iso: string | null): string {
  if (iso === null) return '—';
  const text = iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '');
  return `${text.endsWith(':00') ? text.slice(0, -3) : text} UTC`;
}
