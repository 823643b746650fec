import { ident, sql, type Store } from '@tinsel/store';
import { num, type MinuteFigures } from './minute-figures.ts';
import { latencyPercentiles, percentilesOf, requestCounters } from './query-minute-figures.ts';

/**
 * Figures of one minute per host (instance) and per app version, for the
 * fleet comparison: each host against the fleet median in the same minute,
 * each version against the others.
 */
export async function queryFleetFigures(store: Store, minuteMs: number): Promise<MinuteFigures[]> {
  const d = store.dialect;
  const rows = await store.query(sql`
    SELECT instance_id, app_version, grouping(instance_id) AS g_host, ${requestCounters()}, ${latencyPercentiles()}
    FROM ${ident('requests')}
    WHERE ${ident('time')} >= ${d.timestamp(minuteMs * 1000)} AND ${ident('time')} < ${d.timestamp((minuteMs + 60_000) * 1000)}
      AND instance_id IS NOT NULL
    GROUP BY GROUPING SETS ((instance_id), (app_version))`);
  return rows.map((row) => ({
    minute: minuteMs,
    scopeKind: num(row.g_host) === 0 ? 'host' : 'version',
    scope: String((num(row.g_host) === 0 ? row.instance_id : row.app_version) ?? '-'),
    requests: num(row.requests),
    alb5xx: num(row.alb5xx),
    target5xx: num(row.target5xx),
    clientClosed: num(row.client_closed),
    ...percentilesOf(row.q),
  }));
}
