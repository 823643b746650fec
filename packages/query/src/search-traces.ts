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
  return sql`SELECT s.trace_id AS trace_id,
      min(s.start_time) AS start_time,
      max(s.end_time) AS end_time,
      max(CASE WHEN s.parent_span_id IS NULL THEN s.service END) AS root_service,
      max(CASE WHEN s.parent_span_id IS NULL THEN s.name END) AS root_name,
      max(CASE WHEN s.parent_span_id IS NULL THEN s.duration_ms END) AS duration_ms,
      count(*) AS spans,
      sum(CASE WHEN s.status = 'error' THEN 1 ELSE 0 END) AS errors,
      sum(CASE WHEN s.status = 'fault' THEN 1 ELSE 0 END) AS faults,
      sum(CASE WHEN s.status = 'throttle' THEN 1 ELSE 0 END) AS throttles
    FROM spans AS s
    JOIN (SELECT trace_id, max(start_time) AS latest FROM spans WHERE ${join(filters, sql` AND `)}
          GROUP BY trace_id ORDER BY latest DESC LIMIT ${search.limit}) AS matching ON s.trace_id = matching.trace_id
    GROUP BY s.trace_id
    ORDER BY start_time DESC`;
}
