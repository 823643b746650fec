import { join, sql, type Sql } from '@tinsel/store';

/** The newest dead letters, optionally for one source or signal. */
export function listDeadLetters(filter: { source: string | null; signal: string | null; limit: number }): Sql {
  const conditions: Sql[] = [sql`TRUE`];
  if (filter.source !== null) conditions.push(sql`source = ${filter.source}`);
  if (filter.signal !== null) conditions.push(sql`signal = ${filter.signal}`);
  return sql`SELECT received_at, signal, source, position, reason, raw FROM dead_letters
    WHERE ${join(conditions, sql` AND `)}
    ORDER BY received_at DESC, source, position LIMIT ${filter.limit}`;
}
