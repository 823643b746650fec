import { spansTable } from '@tinsel/model';
import { ident, join, sql, type Dialect, type Sql } from '@tinsel/store';

const columns = join(Object.keys(spansTable.columns).map(ident));

/**
 * The spans of one trace, oldest first, one row per span: when an
 * in-progress document was later completed, the complete version wins.
 * `window` (epoch microseconds) bounds the scan when the trace id carries
 * its start time.
 *
 * @example
 * store.query(selectTraceSpans(store.dialect, '5759e988bd862e3fe1be46a994272793', null));
 */
export function selectTraceSpans(dialect: Dialect, traceId: string, window: { from: number; to: number } | null): Sql {
  const within = window === null ? sql`` : sql` AND start_time >= ${dialect.timestamp(window.from)} AND start_time < ${dialect.timestamp(window.to)}`;
  return sql`SELECT ${columns} FROM (
      SELECT ${columns}, row_number() OVER (PARTITION BY span_id ORDER BY in_progress, end_time DESC NULLS LAST) AS version
      FROM spans WHERE trace_id = ${dialect.traceId(traceId)}${within}
    ) AS versions
    WHERE version = 1 ORDER BY start_time, span_id`;
}

/**
 * The scan window for a trace whose id embeds its start second: a little
 * before it (clocks drift) to a day after (long traces).
 */
export function traceWindow(epochSecond: number | null): { from: number; to: number } | null {
  if (epochSecond === null) return null;
  return { from: (epochSecond - 300) * 1_000_000, to: (epochSecond + 86_400) * 1_000_000 };
}
