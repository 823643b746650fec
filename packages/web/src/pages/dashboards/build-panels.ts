// From the dashboard's query answers to chart panels: lines with colours,
// labels and the TQL that selects the requests behind each of them.
import { andFilters, seriesFilter } from './dashboard-queries.ts';
import { NONE, OTHER, TOTAL, groupKey, pivot, ratio, totalsBy, type Series } from './pivot-series.ts';
import { ORIGIN_FILTER, ORIGIN_LABEL, statusOrigin, type StatusOrigin } from './status-origin.ts';

type Rows = Record<string, unknown>[];
export type Percentile = 'p50' | 'p95' | 'p99';
type Origin = Exclude<StatusOrigin, 'ok'>;

/** A line before it is drawn (the chart panel's PanelLine). */
export interface LineSpec {
  key: string;
  label: string;
  color: string;
  values: (number | null)[];
  filter: string;
  dash?: boolean;
}

/** One chart panel: what it shows and how its values read. */
export interface PanelSpec {
  id: string;
  title: string;
  unit: 'per-minute' | 'ratio' | 'ms';
  lines: LineSpec[];
  /** For latency: a point opens the requests at least that slow. */
  slowerThanPoint?: boolean;
}

export interface PanelContext {
  filter: string;
  dim: string;
  dimLabel: string;
  buckets: number[];
  bucketSeconds: number;
  /** Seconds of the last bucket that have passed when the range ends now; the rate is over those. */
  lastBucketSeconds?: number;
  percentile: Percentile;
  /** Colours for groups, in rank order; `other` for the rest. */
  palette: string[];
  other: string;
  originColor: Record<Origin, string>;
  percentileColor: Record<Percentile, string>;
  limit: number;
}

/** A group key as a legend shows it. */
export function groupLabel(key: string): string {
  return key === OTHER ? 'other' : key === NONE ? '(none)' : key === TOTAL ? 'all requests' : key;
}

function linesOf(series: Series[], ctx: PanelContext, colorOf: (key: string) => string, extraFilter = ''): LineSpec[] {
  const keys = series.map((s) => s.key);
  return series.map((s) => ({
    key: s.key,
    label: groupLabel(s.key),
    color: colorOf(s.key),
    values: s.values,
    filter: andFilters(ctx.filter, extraFilter, seriesFilter(ctx.dim, s.key, keys)),
  }));
}

/** One colour per group across every panel, by the group's place in the volume ranking. */
function colorsByRank(rank: Map<string, number>, ctx: PanelContext): (key: string) => string {
  const order = new Map([...rank.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([key], i) => [key, i]));
  return (key) => (key === OTHER ? ctx.other : (ctx.palette[(order.get(key) ?? 0) % ctx.palette.length] ?? ctx.other));
}

/** Builds every chart panel from the three timechart answers. */
export function buildPanels(answers: { volume: Rows; errors: Rows; latency: Rows }, ctx: PanelContext): PanelSpec[] {
  const keyOf = (row: Record<string, unknown>) => (ctx.dim ? groupKey(row[ctx.dim]) : TOTAL);
  const count = (row: Record<string, unknown>) => Number(row.count ?? 0);
  const rank = totalsBy(answers.volume, keyOf, count);
  const colorOf = colorsByRank(rank, ctx);
  const counts = (rows: Rows, by = rank) => pivot(rows, { buckets: ctx.buckets, keyOf, valueOf: count, limit: ctx.limit, merge: 'sum', empty: 0, rank: by });
  const volume = counts(answers.volume);
  const allVolume = pivot(answers.volume, { buckets: ctx.buckets, keyOf, valueOf: count, limit: Infinity, merge: 'sum', empty: 0, rank });
  const seconds = (i: number) => (i === ctx.buckets.length - 1 && ctx.lastBucketSeconds ? Math.max(1, Math.min(ctx.bucketSeconds, ctx.lastBucketSeconds)) : ctx.bucketSeconds);
  const perMinute = volume.map((s) => ({ ...s, values: s.values.map((v, i) => (v === null ? null : (v * 60) / seconds(i))) }));
  const by = ctx.dim ? ` by ${ctx.dimLabel}` : '';
  const panels: PanelSpec[] = [{ id: 'volume', title: `Requests per minute${by}`, unit: 'per-minute', lines: linesOf(perMinute, ctx, colorOf) }];
  // Error panels rank groups by their own errors, so a small group that fails shows up by name.
  const rateOf = (origin: Origin) => {
    const rows = answers.errors.filter((r) => statusOrigin(r.elb_status_code, r.target_status_code) === origin);
    const errors = counts(rows, ctx.dim ? totalsBy(rows, keyOf, count) : rank);
    return ratio(errors, errors.map((e) => ({ key: e.key, values: e.key === OTHER ? otherTotals(allVolume, errors) : (allVolume.find((v) => v.key === e.key)?.values ?? []) })));
  };
  for (const klass of ['5xx', '4xx'] as const) {
    const origins: Origin[] = [`${klass}-target`, `${klass}-alb`];
    if (ctx.dim) {
      for (const origin of origins) panels.push({ id: origin, title: `${ORIGIN_LABEL[origin]}, share of requests${by}`, unit: 'ratio', lines: linesOf(rateOf(origin), ctx, colorOf, ORIGIN_FILTER[origin]) });
    } else {
      const lines = origins.flatMap((origin) => linesOf(rateOf(origin), ctx, colorOf, ORIGIN_FILTER[origin]).map((line) => ({ ...line, key: origin, label: ORIGIN_LABEL[origin], color: ctx.originColor[origin], dash: origin.endsWith('alb') })));
      panels.push({ id: klass, title: `${klass} share of requests: target vs load balancer`, unit: 'ratio', lines });
    }
  }
  panels.splice(1, 0, latencyPanel(answers.latency, ctx, keyOf, rank, by, colorOf));
  return panels;
}

/** Requests of every group not shown by name, per bucket: the denominator of "other". */
function otherTotals(all: Series[], shown: Series[]): number[] {
  const named = new Set(shown.map((s) => s.key));
  const width = all[0]?.values.length ?? 0;
  return Array.from({ length: width }, (_, i) => all.filter((s) => !named.has(s.key)).reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
}

function latencyPanel(rows: Rows, ctx: PanelContext, keyOf: (row: Record<string, unknown>) => string, rank: Map<string, number>, by: string, colorOf: (key: string) => string): PanelSpec {
  const percentileSeries = (p: Percentile) => pivot(rows, { buckets: ctx.buckets, keyOf, valueOf: (r) => (r[`${p}_duration`] === null ? null : Number(r[`${p}_duration`])), limit: ctx.limit, merge: 'drop', empty: null, rank });
  if (ctx.dim) return { id: 'latency', title: `Latency ${ctx.percentile}${by}`, unit: 'ms', lines: linesOf(percentileSeries(ctx.percentile), ctx, colorOf, '_exists_:duration'), slowerThanPoint: true };
  const lines = (['p99', 'p95', 'p50'] as const).flatMap((p) =>
    percentileSeries(p).map((s) => ({ key: p, label: p, color: ctx.percentileColor[p], values: s.values, filter: andFilters(ctx.filter, '_exists_:duration'), dash: p === 'p50' })),
  );
  return { id: 'latency', title: 'Latency p50 / p95 / p99', unit: 'ms', lines, slowerThanPoint: true };
}
