// The figures at the top of the dashboards: volume, error shares by origin, latency.
import type { Row } from '../../api/index.ts';
import { Link, searchPath } from '../../app/index.ts';
import { formatMs, formatPercent } from '../trace/format-duration.ts';
import { andFilters } from './dashboard-queries.ts';
import { ORIGIN_FILTER, ORIGIN_LABEL, statusOrigin } from './status-origin.ts';

interface Tile {
  label: string;
  value: string;
  tone?: 'error' | 'warn';
  filter: string;
}

function tilesOf(statuses: Row[], summary: Row | undefined, filter: string, minutes: number): Tile[] {
  const total = statuses.reduce((sum, r) => sum + Number(r.count ?? 0), 0);
  const share = (origin: keyof typeof ORIGIN_FILTER) => statuses.filter((r) => statusOrigin(r.elb_status_code, r.target_status_code) === origin).reduce((sum, r) => sum + Number(r.count ?? 0), 0) / Math.max(1, total);
  const pct = (origin: keyof typeof ORIGIN_FILTER): Tile => {
    const value = share(origin);
    return { label: ORIGIN_LABEL[origin], value: formatPercent(value), tone: value > 0.01 ? 'error' : value > 0 ? 'warn' : undefined, filter: andFilters(filter, ORIGIN_FILTER[origin]) };
  };
  const ms = (key: string) => (summary && summary[key] !== null && summary[key] !== undefined ? Number(summary[key]) : null);
  return [
    { label: 'requests', value: total.toLocaleString('en'), filter: andFilters(filter) },
    { label: 'per minute', value: (total / Math.max(1, minutes)).toFixed(1), filter: andFilters(filter) },
    pct('5xx-target'),
    pct('5xx-alb'),
    pct('4xx-target'),
    pct('4xx-alb'),
    { label: 'latency p50', value: formatMs(ms('p50_duration')), filter: andFilters(filter, `duration:>=${Math.floor(ms('p50_duration') ?? 0)}`) },
    { label: 'latency p95', value: formatMs(ms('p95_duration')), filter: andFilters(filter, `duration:>=${Math.floor(ms('p95_duration') ?? 0)}`) },
    { label: 'latency p99', value: formatMs(ms('p99_duration')), filter: andFilters(filter, `duration:>=${Math.floor(ms('p99_duration') ?? 0)}`) },
  ];
}

/** A row of figures, each a link to its requests. */
export function SummaryTiles(props: { statuses: Row[]; summary: Row | undefined; filter: string; minutes: number; range: { from: string; to: string } }) {
  return (
    <ul className="dash-tiles" aria-label="Summary over the range">
      {tilesOf(props.statuses, props.summary, props.filter, props.minutes).map((tile) => (
        <li key={tile.label}>
          <Link to={searchPath({ signal: 'requests', q: tile.filter, ...props.range })} className="dash-tile">
            <span className={`dash-tile-value ${tile.tone ? `${tile.tone}-text` : ''}`}>{tile.value}</span>
            <span className="dash-tile-label">{tile.label}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
