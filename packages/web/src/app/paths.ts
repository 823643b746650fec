// Addresses of the UI's pages, so every page links to the others the same way.
import { hrefOf } from './router.tsx';

/** The request story of one trace (any id form). */
export function storyPath(id: string): string {
  return `/story/${encodeURIComponent(id)}`;
}

/** The trace waterfall of one trace, optionally with one span selected. */
export function tracePath(id: string, spanId?: string): string {
  return hrefOf(`/traces/${encodeURIComponent(id)}`, { span: spanId });
}

/** A search; the same parameters the Search page keeps in its address. */
export function searchPath(params: { q?: string; signal?: 'requests' | 'spans' | 'logs'; from?: string; to?: string }): string {
  return hrefOf('/search', params);
}

/** The ops dashboards, optionally over a time range, broken down by a field, or filtered. */
export function dashboardsPath(params: { from?: string; to?: string; by?: string; q?: string } = {}): string {
  return hrefOf('/dashboards', params);
}

/** The service map, optionally over a time range. */
export function serviceMapPath(params: { from?: string; to?: string } = {}): string {
  return hrefOf('/service-map', params);
}

/** The incident list, or one incident, keeping the list's range and status filter. */
export function insightsPath(id: string | null, params: { from?: string; to?: string; status?: string } = {}): string {
  return hrefOf(id === null ? '/insights' : `/insights/${encodeURIComponent(id)}`, params);
}

/** The alert rules, their alerts and the silences. */
export function alertsPath(): string {
  return '/alerts';
}
