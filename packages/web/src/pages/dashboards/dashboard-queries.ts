// The TQL behind each dashboard panel, and the filter that selects the
// requests behind any point, line or bar (for the click-through to Search).
import { NONE, OTHER, TOTAL } from './pivot-series.ts';

/** Fields the dashboards can break down by, with the names operators use. */
export const DIMENSIONS = [
  { field: '', label: 'nothing' },
  { field: 'instance_id', label: 'host (instance)' },
  { field: 'ami_id', label: 'AMI' },
  { field: 'app_version', label: 'app version' },
  { field: 'tenant', label: 'tenant' },
  { field: 'db_server', label: 'database server' },
  { field: 'az', label: 'availability zone' },
  { field: 'request_path', label: 'path' },
  { field: 'lb_name', label: 'load balancer' },
] as const;

/** A TQL value, quoted when it holds anything but plain word characters. */
export function tqlValue(value: string): string {
  return /^[\w.@-]+$/.test(value) ? value : `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** Joins filters with AND, leaving out empty ones; `*` when none remain. */
export function andFilters(...filters: (string | null | undefined)[]): string {
  const parts = filters.map((f) => f?.trim() ?? '').filter((f) => f !== '' && f !== '*');
  if (parts.length === 0) return '*';
  return parts.map((p) => (parts.length > 1 && /\bOR\b/.test(p) ? `(${p})` : p)).join(' ');
}

/**
 * The filter selecting one series of a breakdown: `az:eu-west-1a`, the
 * rows with no value, or everything but the groups shown (for "other").
 */
export function seriesFilter(dim: string, key: string, shownKeys: string[]): string {
  if (dim === '' || key === TOTAL) return '';
  if (key === NONE) return `NOT _exists_:${dim}`;
  if (key === OTHER)
    return shownKeys
      .filter((k) => k !== OTHER)
      .map((k) => (k === NONE ? `_exists_:${dim}` : `NOT ${dim}:${tqlValue(k)}`))
      .join(' ');
  return `${dim}:${tqlValue(key)}`;
}

/** The by-clause for a breakdown plus extra fields: ` by az, elb_status_code`. */
function byClause(dim: string, extra: string[] = []): string {
  const fields = [...(dim ? [dim] : []), ...extra];
  return fields.length ? ` by ${fields.join(', ')}` : '';
}

/** The queries of the dashboard for one filter, breakdown and bucket span. */
export function dashboardQueries(filter: string, dim: string, span: string) {
  const base = andFilters(filter);
  return {
    volume: `${base} | timechart ${span} count()${byClause(dim)}`,
    errors: `${andFilters(filter, 'elb_status_code:>=400')} | timechart ${span} count()${byClause(dim, ['elb_status_code', 'target_status_code'])}`,
    latency: `${andFilters(filter, '_exists_:duration')} | timechart ${span} p50(duration), p95(duration), p99(duration)${byClause(dim)}`,
    statuses: `${base} | stats count() by elb_status_code, target_status_code, error_reason | head 500`,
    desync: `${andFilters(filter, '_exists_:classification')} | stats count() by classification, classification_reason | head 20`,
  };
}
