// Runs the dashboard's queries over one resolved time window. Relative
// ranges are resolved once per change (or refresh) and sent as instants, so
// the server's buckets and the chart's are the same.
import { useEffect, useMemo, useRef } from 'react';
import { runQuery, type Row } from '../../api/index.ts';
import { useApi, type Loadable } from '../../api/use-api.ts';
import { dashboardQueries, andFilters } from './dashboard-queries.ts';
import { bucketSeconds, bucketStarts, resolveTime, spanText } from './time-range.ts';

/** The resolved window: instants, bucket size and bucket starts. */
export interface DashboardWindow {
  fromIso: string;
  toIso: string;
  bucketSeconds: number;
  buckets: number[];
  /** Seconds of the last bucket inside the range (less than a bucket when the range ends mid-bucket). */
  lastBucketSeconds: number;
}

/** Resolves `from`/`to` as the address holds them; `refresh` forces a new "now". */
export function useDashboardWindow(from: string, to: string, refresh: number): DashboardWindow {
  return useMemo(() => {
    const now = Date.now();
    const toMs = resolveTime(to, now) ?? now;
    const fromMs = Math.min(resolveTime(from, now) ?? toMs - 3_600_000, toMs - 1000);
    const size = bucketSeconds(toMs - fromMs);
    const buckets = bucketStarts(fromMs, toMs, size);
    const lastBucketSeconds = (toMs - (buckets[buckets.length - 1] ?? 0) * 1000) / 1000;
    return { fromIso: new Date(fromMs).toISOString(), toIso: new Date(toMs).toISOString(), bucketSeconds: size, buckets, lastBucketSeconds };
    // `refresh` only asks for a new "now".
  }, [from, to, refresh]);
}

function useRows(name: string, query: string, window: DashboardWindow): Loadable<Row[]> {
  const answer = useApi(`dash:${name}:${query}:${window.fromIso}:${window.toIso}`, (signal) =>
    runQuery({ query, signal: 'requests', from: window.fromIso, to: window.toIso, limit: 10_000 }, signal).then((a) => a.rows),
  );
  // While a refresh of the same query loads, keep drawing the last answer instead of blanking the chart.
  const last = useRef<{ query: string; rows: Row[] } | null>(null);
  useEffect(() => {
    if (answer.state === 'done') last.current = { query, rows: answer.value };
  }, [answer, query]);
  if (answer.state === 'loading' && last.current?.query === query) return { state: 'done', value: last.current.rows };
  return answer;
}

/** Bumps a counter every `seconds` (0: never), to refresh a relative range. */
export function useAutoRefresh(seconds: number, bump: () => void): void {
  useEffect(() => {
    if (!(seconds > 0)) return;
    const timer = setInterval(bump, seconds * 1000);
    return () => clearInterval(timer);
    // `bump` is a state setter's updater wrapper; the interval only depends on its period.
  }, [seconds]);
}

/** Every answer the dashboards draw. */
export function useDashboardData(filter: string, dim: string, window: DashboardWindow) {
  const q = dashboardQueries(filter, dim, spanText(window.bucketSeconds));
  return {
    volume: useRows('volume', q.volume, window),
    errors: useRows('errors', q.errors, window),
    latency: useRows('latency', q.latency, window),
    statuses: useRows('statuses', q.statuses, window),
    desync: useRows('desync', q.desync, window),
    summary: useRows('summary', `${andFilters(filter)} | stats count(), p50(duration), p95(duration), p99(duration)`, window),
  };
}

/** The rows of an answer, or an empty list while loading or after a failure. */
export function rowsOf(answer: Loadable<Row[]>): Row[] {
  return answer.state === 'done' ? answer.value : [];
}
