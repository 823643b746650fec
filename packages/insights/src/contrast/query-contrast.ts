import { ident, join, sql, unsafeRawSql, type Sql, type Store } from '@tinsel/store';
import type { AnomalyFamily } from '../detection/anomaly.ts';
import { num } from '../detection/minute-figures.ts';
import { routeExpression } from '../detection/route-expression.ts';
import { contrastDimensions, dimensionNamed } from './contrast-dimensions.ts';

/** Counts of bad and good requests carrying one dimension value in the window. */
export interface ContrastCount {
  dimension: string;
  value: string;
  bad: number;
  good: number;
}

/** How many times its route's median a request must take to count as slow. */
const SLOW_FACTOR = 3;

/**
 * Which requests count as bad for a family of anomaly. Slow is relative to
 * the request's own route in the same window (`route_median`, computed by
 * the contrast query): a checkout that calls a payment provider is not slow
 * at 200 ms, a product page is.
 */
export function badPredicate(family: AnomalyFamily): Sql {
  if (family === 'errors') return sql`elb_status_code >= 500`;
  if (family === 'disconnects') return sql`elb_status_code = 460`;
  return sql`target_processing_time > ${SLOW_FACTOR} * route_median`;
}

/** The window's requests with their route and their route's median target time, for `badPredicate`. */
function windowRequests(store: Store, fromUs: number, toUs: number): Sql {
  const d = store.dialect;
  return sql`(SELECT *, median(target_processing_time) OVER (PARTITION BY ${routeExpression}) AS route_median FROM ${ident('requests')}
    WHERE ${ident('time')} >= ${d.timestamp(fromUs)} AND ${ident('time')} < ${d.timestamp(toUs)})`;
}

/**
 * Bad and good request counts for every value of every contrast dimension
 * in [from, to), in one scan with grouping sets.
 */
export async function queryContrast(store: Store, fromUs: number, toUs: number, bad: Sql): Promise<ContrastCount[]> {
  const dims = contrastDimensions.map((dim, i) => sql`${dim.expr} AS ${ident(`d${i}`)}`);
  const groupings = contrastDimensions.map((_, i) => sql`grouping(${ident(`d${i}`)}) AS ${ident(`g${i}`)}`);
  const sets = contrastDimensions.map((_, i) => sql`(${ident(`d${i}`)})`);
  const rows = await store.query(sql`
    SELECT ${join(contrastDimensions.map((_, i) => ident(`d${i}`)))}, ${join(groupings)}, sum(bad) AS bad, count(*) - sum(bad) AS good
    FROM (SELECT ${join(dims)}, CASE WHEN ${bad} THEN 1 ELSE 0 END AS bad FROM ${windowRequests(store, fromUs, toUs)} w) r
    GROUP BY GROUPING SETS (${join(sets)})`);
  const out: ContrastCount[] = [];
  for (const row of rows) {
    const i = contrastDimensions.findIndex((_, k) => num(row[`g${k}`]) === 0);
    const dim = contrastDimensions[i];
    const value = row[`d${i}`];
    if (dim === undefined || value === null || value === undefined) continue;
    out.push({ dimension: dim.name, value: String(value), bad: num(row.bad), good: num(row.good) });
  }
  return out;
}

/**
 * Up to `limit` trace ids of bad requests carrying a dimension value (any
 * bad request when `candidate` is null): the stories to read first.
 */
export async function sampleBadTraces(store: Store, fromUs: number, toUs: number, bad: Sql, candidate: { dimension: string; value: string } | null, limit = 5): Promise<string[]> {
  const dim = candidate === null ? undefined : dimensionNamed(candidate.dimension);
  const match = dim === undefined || candidate === null ? sql`` : sql` AND ${dim.expr} = ${candidate.value}`;
  const rows = await store.query(sql`
    SELECT trace_id FROM ${windowRequests(store, fromUs, toUs)} w
    WHERE ${bad}${match} AND trace_id IS NOT NULL
    ORDER BY ${ident('time')} ${unsafeRawSql('DESC')} LIMIT ${limit}`);
  return rows.map((r) => String(r.trace_id));
}
