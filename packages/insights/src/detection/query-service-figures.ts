import { ident, sql, type Store } from '@tinsel/store';
import { bucketMs, num, type MinuteFigures } from './minute-figures.ts';
import { percentilesOf } from './query-minute-figures.ts';

/**
 * Per-minute figures of root spans per service in [from, to): X-Ray faults
 * count as target errors, duration percentiles as latency.
 */
export async function queryServiceFigures(store: Store, fromUs: number, toUs: number): Promise<MinuteFigures[]> {
  const d = store.dialect;
  const rows = await store.query(sql`
    SELECT ${d.timeBucket(sql`${ident('start_time')}`, 60)} AS minute, service, count(*) AS requests,
      sum(CASE WHEN status = 'fault' THEN 1 ELSE 0 END) AS faults,
      quantile_cont(duration_ms / 1000, [0.5, 0.95, 0.99]) AS q
    FROM ${ident('spans')}
    WHERE ${ident('start_time')} >= ${d.timestamp(fromUs)} AND ${ident('start_time')} < ${d.timestamp(toUs)} AND parent_span_id IS NULL
    GROUP BY minute, service`);
  return rows.map((row) => ({
    minute: bucketMs(row.minute),
    scopeKind: 'service',
    scope: String(row.service ?? '-'),
    requests: num(row.requests),
    alb5xx: 0,
    target5xx: num(row.faults),
    clientClosed: 0,
    ...percentilesOf(row.q),
  }));
}
