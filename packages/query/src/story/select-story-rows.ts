import { tables } from '@tinsel/model';
import { ident, sql, type Dialect, type Sql } from '@tinsel/store';

/** A time range in epoch microseconds, `to` exclusive. */
export interface StoryWindow {
  from: number;
  to: number;
}

/**
 * The ALB records or log lines of one trace, at most `limit`. `window`
 * bounds the table's own time column so that a store whose rows lie in
 * time order reads only the blocks around the request; null scans every
 * row. Unordered unless `oldestFirst`: the rows of one request are few and
 * sort faster in the caller, and DuckDB's ORDER BY … LIMIT on all columns
 * cost 2 to 4 ms more per lookup on 10M rows.
 *
 * @example
 * store.query(selectStoryRows(store.dialect, 'logs', traceId, { from, to }, 5001));
 */
export function selectStoryRows(dialect: Dialect, signal: 'requests' | 'logs', traceId: string, window: StoryWindow | null, limit: number, oldestFirst = false): Sql {
  const table = tables[signal];
  const time = ident(table.timeColumn);
  const within = window === null ? sql`` : sql` AND ${time} >= ${dialect.timestamp(window.from)} AND ${time} < ${dialect.timestamp(window.to)}`;
  const order = oldestFirst ? sql` ORDER BY ${time}` : sql``;
  return sql`SELECT * FROM ${ident(table.name)}
    WHERE trace_id = ${dialect.traceId(traceId)}${within}${order} LIMIT ${limit}`;
}
