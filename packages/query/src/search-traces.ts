import { join, sql, type Dialect, type Sql } from '@tinsel/store';

export interface TraceSearch {
  /** Epoch microseconds: spans starting in [from, to). */
  from: number;
  to: number;
  service?: string;
  name?: string;
  status?: string;
  minDurationMs?: number;
  maxDurationMs?: number;
  /** An X-Ray annotation that must hold this value (compared as text). */
  annotation?: { key: string; value: string };
  limit: number;
}

/**
 * Traces with at least one span matching every filter, newest first, each
 * summed up: its root span, start, end, span count and how many spans
 * failed. Only portable SQL (min, max, CASE) so every backend runs it.
 *
 * @example
 * store.query(searchTraces(store.dialect, { from, to, service: 'checkout', status: 'fault', limit: 50 }));
 */
export function searchTraces(dialect: Dialect, search: TraceSearch): Sql {
  const filters: Sql[] = [sql`start_time >= ${dialect.timestamp(search.from)}`, sql`start_time < ${dialect.timestamp(search.to)}`];
  if (search.service !== undefined) filters.push(sql`service = ${search.service}`);
  if (search.name !== undefined) filters.push(sql`name = ${search.name}`);
  if (search.status !== undefined) filters.push(sql`status = ${search.status}`);
  if (search.minDurationMs !== undefined) filters.push(sql`duration_ms >= ${search.minDurationMs}`);
  if (search.maxDurationMs !== undefined) filters.push(sql`duration_ms <= ${search.maxDurationMs}`);
  if (search.annotation !== undefined) filters.push(sql`${dialect.jsonText(sql`annotations`, search.annotation.key)} = ${search.annotation.value}`);
  const matching = join(filters, sql` AND `);
  // The traces are chosen in two steps that stay exact on a cluster, where
  // the IN subquery runs on each shard's local table (a trace lives on one
  // shard): each shard offers its newest matching traces, and the newest of
  // those are kept once all are gathered. The sums are named apart from the
  // columns and renamed outside: ClickHouse would otherwise read
  // `start_time` in the filters as the alias `min(start_time)`.
  return sql`SELECT trace_id, first_start AS start_time, last_end AS end_time, root_service, root_name,
      root_duration AS duration_ms, span_count AS spans, errors, faults, throttles
    FROM (SELECT trace_id,
        min(start_time) AS first_start,
        max(end_time) AS last_end,
        max(CASE WHEN parent_span_id IS NULL THEN service END) AS root_service,
        max(CASE WHEN parent_span_id IS NULL THEN name END) AS root_name,
        max(CASE WHEN parent_span_id IS NULL THEN duration_ms END) AS root_duration,
        count(*) AS span_count,
        sum(CASE WHEN status = 'error' THEN 1 ELSE 0 END) AS errors,
        sum(CASE WHEN status = 'fault' THEN 1 ELSE 0 END) AS faults,
        sum(CASE WHEN status = 'throttle' THEN 1 ELSE 0 END) AS throttles,
        max(CASE WHEN ${matching} THEN start_time END) AS latest
      FROM spans
      WHERE trace_id IN (SELECT trace_id FROM spans WHERE ${matching} GROUP BY trace_id ORDER BY max(start_time) DESC LIMIT ${search.limit})
      GROUP BY trace_id
      ORDER BY latest DESC LIMIT ${search.limit}) AS traces
    ORDER BY start_time DESC`;
}
