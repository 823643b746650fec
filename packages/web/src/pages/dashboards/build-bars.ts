// The bar lists under the charts: outcomes as the request story names them,
// the commonest error answers, and where the 5xx fall in the breakdown.
import { andFilters, seriesFilter } from './dashboard-queries.ts';
import { groupKey } from './pivot-series.ts';
import { groupLabel } from './build-panels.ts';
import { outcomeOf, statusOrigin } from './status-origin.ts';

type Rows = Record<string, unknown>[];

/** One bar: a count, its share of `of`, and the TQL of its requests. */
export interface Bar {
  key: string;
  label: string;
  detail?: string;
  count: number;
  of: number;
  filter: string;
  tone: 'ok' | 'warn' | 'error' | 'neutral';
}

const TONE: Record<string, Bar['tone']> = { served: 'ok', 'client-error': 'warn', 'client-gave-up': 'warn', 'failed-in-app': 'error', 'died-at-load-balancer': 'error' };

/** Requests per outcome, from `stats count() by elb_status_code, target_status_code, …`. */
export function outcomeBars(statuses: Rows, filter: string): Bar[] {
  const total = statuses.reduce((sum, r) => sum + Number(r.count ?? 0), 0);
  const byKey = new Map<string, Bar>();
  for (const row of statuses) {
    const o = outcomeOf(row.elb_status_code, row.target_status_code);
    const bar = byKey.get(o.key) ?? { key: o.key, label: o.label, count: 0, of: total, filter: andFilters(filter, o.filter), tone: TONE[o.key] ?? 'neutral' };
    bar.count += Number(row.count ?? 0);
    byKey.set(o.key, bar);
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count);
}

function errorDetail(elb: number, target: unknown, reason: unknown): string {
  const parts = [target === null || target === undefined ? 'the target never answered' : Number(target) === elb ? 'from the target' : `target answered ${String(target)}`];
  if (reason) parts.push(String(reason));
  return parts.join(' · ');
}

/** The commonest error answers: status, target status and ALB error reason. */
export function errorBars(statuses: Rows, filter: string, limit = 10): Bar[] {
  const errors = statuses.filter((r) => Number(r.elb_status_code) >= 400);
  const total = errors.reduce((sum, r) => sum + Number(r.count ?? 0), 0);
  return errors
    .map((row) => {
      const elb = Number(row.elb_status_code);
      const target = row.target_status_code;
      const targetFilter = target === null || target === undefined ? 'NOT _exists_:target_status_code' : `target_status_code:${Number(target)}`;
      const reasonFilter = row.error_reason ? `error_reason:"${String(row.error_reason).replace(/["\\]/g, '\\$&')}"` : '';
      return {
        key: `${elb}/${String(target)}/${String(row.error_reason)}`,
        label: String(elb),
        detail: errorDetail(elb, target, row.error_reason),
        count: Number(row.count ?? 0),
        of: total,
        filter: andFilters(filter, `elb_status_code:${elb}`, targetFilter, reasonFilter),
        tone: (elb >= 500 ? 'error' : 'warn') as Bar['tone'],
      };
    })
    .sort((a, b) => b.count - a.count)
    .slice(0, limit);
}

/** 5xx per group of the breakdown, from the errors timechart, with each group's share of its own requests. */
export function fiveHundredsByGroup(errors: Rows, volume: Rows, dim: string, filter: string, limit = 10): Bar[] {
  const totals = new Map<string, number>();
  for (const r of volume) totals.set(groupKey(r[dim]), (totals.get(groupKey(r[dim])) ?? 0) + Number(r.count ?? 0));
  const counts = new Map<string, number>();
  for (const r of errors) if (statusOrigin(r.elb_status_code, r.target_status_code).startsWith('5xx')) counts.set(groupKey(r[dim]), (counts.get(groupKey(r[dim])) ?? 0) + Number(r.count ?? 0));
  return [...counts.entries()]
    .map(([key, count]) => ({ key, label: groupLabel(key), count, of: totals.get(key) ?? count, filter: andFilters(filter, 'elb_status_code:5xx', seriesFilter(dim, key, [])), tone: 'error' as const }))
    .sort((a, b) => b.count / b.of - a.count / a.of || b.count - a.count)
    .slice(0, limit);
}
