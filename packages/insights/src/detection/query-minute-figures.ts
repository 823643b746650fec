import { ident, sql, type Sql, type Store } from '@tinsel/store';
import { bucketMs, num, numOrNull, type MinuteFigures, type ScopeKind } from './minute-figures.ts';
import { routeExpression } from './route-expression.ts';

/** The request counters every figure query shares. */
export function requestCounters(): Sql {
  return sql`count(*) AS requests,
    sum(CASE WHEN elb_status_code >= 500 AND target_status_code IS NULL THEN 1 ELSE 0 END) AS alb5xx,
    sum(CASE WHEN target_status_code >= 500 THEN 1 ELSE 0 END) AS target5xx,
    sum(CASE WHEN elb_status_code = 460 THEN 1 ELSE 0 END) AS client_closed`;
}

/**
 * Median, p95 and p99 of target processing time as one list (`q`): one
 * aggregate sorts each group once, where three would each keep their own state.
 */
export function latencyPercentiles(): Sql {
  return sql`quantile_cont(target_processing_time, [0.5, 0.95, 0.99]) AS q`;
}

/** The `q` list of `latencyPercentiles` as figures. */
export function percentilesOf(value: unknown): { p50: number | null; p95: number | null; p99: number | null } {
  const list = Array.isArray(value) ? value : [];
  return { p50: numOrNull(list[0]), p95: numOrNull(list[1]), p99: numOrNull(list[2]) };
}

/**
 * Per-minute figures of requests in [from, to) for the estate, each target
 * group and each route, in one scan (grouping sets).
 */
export async function queryMinuteFigures(store: Store, fromUs: number, toUs: number): Promise<MinuteFigures[]> {
  const d = store.dialect;
  const rows = await store.query(sql`
    SELECT minute, target_group_arn AS tg, route, grouping(target_group_arn) AS g_tg, grouping(route) AS g_route, ${requestCounters()}, ${latencyPercentiles()}
    FROM (SELECT *, ${d.timeBucket(sql`${ident('time')}`, 60)} AS minute, ${routeExpression} AS route FROM ${ident('requests')}
          WHERE ${ident('time')} >= ${d.timestamp(fromUs)} AND ${ident('time')} < ${d.timestamp(toUs)}) r
    GROUP BY GROUPING SETS ((minute), (minute, target_group_arn), (minute, route))`);
  return rows.map((row) => {
    const [scopeKind, scope]: [ScopeKind, string] =
      num(row.g_tg) === 0 ? ['target_group', String(row.tg ?? '-')] : num(row.g_route) === 0 ? ['route', String(row.route ?? '-')] : ['estate', '*'];
    return {
      minute: bucketMs(row.minute),
      scopeKind,
      scope,
      requests: num(row.requests),
      alb5xx: num(row.alb5xx),
      target5xx: num(row.target5xx),
      clientClosed: num(row.client_closed),
      ...percentilesOf(row.q),
    };
  });
}
