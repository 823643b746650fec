// `/dashboards`: ops dashboards over the enriched load-balancer rows —
// volume, error shares split by who answered (target or load balancer),
// latency percentiles, each broken down by host, AMI, version, tenant,
// database server or AZ. Every point, legend entry, tile and bar opens
// Search on the requests behind it.
import { useState } from 'react';
import { themeColor, useCurrentTheme, useUrlState } from '../../app/index.ts';
import { formatMs, formatPercent } from '../trace/format-duration.ts';
import { BarList } from './bar-list.tsx';
import { errorBars, fiveHundredsByGroup, outcomeBars } from './build-bars.ts';
import { buildPanels, type PanelSpec, type Percentile } from './build-panels.ts';
import { ChartPanel } from './chart-panel.tsx';
import { DashboardControls } from './dashboard-controls.tsx';
import { andFilters, DIMENSIONS } from './dashboard-queries.ts';
import { SummaryTiles } from './summary-tiles.tsx';
import { rowsOf, useAutoRefresh, useDashboardData, useDashboardWindow } from './use-dashboard-data.ts';
import './dashboards.css';

const PALETTE = ['#4c8bf5', '#e3731c', '#2ea08b', '#d6409f', '#a371f7', '#b08800', '#0f97b5', '#c2572b'];
const FORMAT: Record<PanelSpec['unit'], (v: number) => string> = {
  'per-minute': (v) => (v >= 100 ? Math.round(v).toString() : Number(v.toPrecision(3)).toString()),
  ratio: (v) => formatPercent(v),
  ms: (v) => formatMs(v),
};

function usePanelColors() {
  useCurrentTheme();
  return {
    palette: PALETTE,
    other: themeColor('--muted'),
    originColor: { '5xx-target': themeColor('--error'), '5xx-alb': themeColor('--fatal'), '4xx-target': themeColor('--warn'), '4xx-alb': themeColor('--phase-request') },
    percentileColor: { p50: themeColor('--phase-target'), p95: themeColor('--warn'), p99: themeColor('--error') },
  };
}

/** The dashboards page. */
export function DashboardsPage() {
  const [from] = useUrlState('from', '-1h');
  const [to] = useUrlState('to', 'now');
  const [dim] = useUrlState('by', '');
  const [pct] = useUrlState('pct', 'p95');
  const [filter] = useUrlState('q', '');
  const [every] = useUrlState('every', '0');
  const [refresh, setRefresh] = useState(0);
  useAutoRefresh(Number(every), () => setRefresh((n) => n + 1));
  const span = useDashboardWindow(from, to, refresh);
  const data = useDashboardData(filter, dim, span);
  const colors = usePanelColors();
  const percentile = (['p50', 'p95', 'p99'].includes(pct) ? pct : 'p95') as Percentile;
  const dimLabel = DIMENSIONS.find((d) => d.field === dim)?.label ?? dim;
  const panels = buildPanels({ volume: rowsOf(data.volume), errors: rowsOf(data.errors), latency: rowsOf(data.latency) }, { filter, dim, dimLabel, buckets: span.buckets, bucketSeconds: span.bucketSeconds, lastBucketSeconds: span.lastBucketSeconds, percentile, limit: 8, ...colors });
  const range = { from, to };
  const loading = (name: keyof typeof data) => data[name].state === 'loading';
  const failure = Object.values(data).find((d) => d.state === 'failed');
  const sourceOf: Record<string, keyof typeof data> = { volume: 'volume', latency: 'latency' };
  const minutes = (Date.parse(span.toIso) - Date.parse(span.fromIso)) / 60_000;
  return (
    <section className="stack dashboards" aria-labelledby="dashboards-title">
      <div className="row">
        <h1 id="dashboards-title">Dashboards</h1>
        <span className="muted">load-balancer requests{filter ? ` matching ${filter}` : ''}, in {span.bucketSeconds >= 60 ? `${span.bucketSeconds / 60}-minute` : `${span.bucketSeconds}-second`} buckets (UTC)</span>
      </div>
      <DashboardControls from={from} to={to} dim={dim} percentile={percentile} filter={filter} every={Number(every) || 0} onRefresh={() => setRefresh((n) => n + 1)} />
      {failure && failure.state === 'failed' ? <p className="error-text" role="alert">{failure.error.message}</p> : null}
      <SummaryTiles statuses={rowsOf(data.statuses)} summary={rowsOf(data.summary)[0]} filter={filter} minutes={minutes} range={range} />
      <div className="dash-grid">
        {panels.map((panel) => (
          <ChartPanel
            key={panel.id}
            title={panel.title}
            hint="click a point for its requests"
            x={span.buckets}
            bucketSeconds={span.bucketSeconds}
            lines={panel.lines}
            format={FORMAT[panel.unit]}
            range={range}
            pointFilter={panel.slowerThanPoint ? (line, index) => andFilters(line.filter, `duration:>=${Math.floor(line.values[index] ?? 0)}`) : undefined}
            loading={loading(sourceOf[panel.id] ?? 'errors')}
            empty={panel.unit === 'ratio' ? 'None in this range.' : 'No requests in this range.'}
          />
        ))}
      </div>
      <div className="dash-bars">
        <BarList title="Outcomes" bars={outcomeBars(rowsOf(data.statuses), filter)} range={range} empty="No requests in this range." />
        <BarList title="Top error answers" bars={errorBars(rowsOf(data.statuses), filter)} range={range} empty="No request was answered 4xx or 5xx." />
        {dim ? <BarList title={`5xx by ${dimLabel}`} bars={fiveHundredsByGroup(rowsOf(data.errors), rowsOf(data.volume), dim, filter)} range={range} empty="No 5xx in this range." /> : null}
        {rowsOf(data.desync).length > 0 ? (
          <BarList
            title="Desync classifications"
            bars={rowsOf(data.desync).map((r) => ({ key: `${String(r.classification)}/${String(r.classification_reason)}`, label: String(r.classification), detail: r.classification_reason ? String(r.classification_reason) : undefined, count: Number(r.count), of: rowsOf(data.desync).reduce((s, x) => s + Number(x.count), 0), filter: andFilters(filter, `classification:${String(r.classification)}`), tone: r.classification === 'Severe' ? 'error' : 'warn' }))}
            range={range}
            empty=""
          />
        ) : null}
      </div>
    </section>
  );
}
