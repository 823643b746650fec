import { tables, type Signal } from '@tinsel/model';
import { ident, sql, type Dialect, type Sql } from '@tinsel/store';

export interface SelectRowsOptions {
  signal: Signal;
  /** Epoch microseconds, inclusive. */
  from: number;
  /** Epoch microseconds, exclusive. */
  to: number;
  traceId: string | null;
  limit: number;
}

/** The newest rows of one signal in a time range, optionally for one trace. */
export function selectRows(dialect: Dialect, options: SelectRowsOptions): Sql {
  const table = tables[options.signal];
  const time = ident(table.timeColumn);
  const trace = options.traceId === null ? sql`` : sql` AND trace_id = ${dialect.traceId(options.traceId)}`;
  return sql`SELECT * FROM ${ident(table.name)}
    WHERE ${time} >= ${dialect.timestamp(options.from)} AND ${time} < ${dialect.timestamp(options.to)}${trace}
    ORDER BY ${time} DESC LIMIT ${options.limit}`;
}
