import duckdb from '@duckdb/node-bindings';
import { DuckDBDataChunk, type DuckDBConnection } from '@duckdb/node-api';
import type { Columns, RowOf, TableSchema } from '@tinsel/model';
import { columnBuffer } from './column-buffers.ts';
import { duckDbType } from './column-types.ts';

// DuckDB's vector size: a data chunk holds at most this many rows.
const CHUNK_ROWS = 2048;

/**
 * Appends records column by column through data chunks: fixed-width columns
 * are copied into each vector in one call, strings with one call per value.
 */
export async function appendRows<S extends TableSchema<Columns>>(
  connection: DuckDBConnection,
  table: S,
  rows: readonly RowOf<S>[],
  _options: { inTransaction?: boolean } = {},
): Promise<void> {
  const names = Object.keys(table.columns);
  const specs = names.map((name) => table.columns[name]!);
  const buffers = specs.map((spec) => columnBuffer(spec.type, CHUNK_ROWS));
  const appender = await connection.createAppender(table.name);
  const chunk = DuckDBDataChunk.create(specs.map((spec) => duckDbType(spec.type)));
  const values: unknown[] = new Array(CHUNK_ROWS);
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const count = Math.min(CHUNK_ROWS, rows.length - start);
    duckdb.data_chunk_reset(chunk.chunk);
    duckdb.data_chunk_set_size(chunk.chunk, count);
    for (let c = 0; c < names.length; c++) {
      const name = names[c]!;
      for (let r = 0; r < count; r++) values[r] = (rows[start + r] as Record<string, unknown>)[name];
      buffers[c]!.write(duckdb.data_chunk_get_vector(chunk.chunk, c), values, count);
    }
    duckdb.append_data_chunk(appenderHandle(appender), chunk.chunk);
  }
  appender.flushSync();
  appender.closeSync();
}

// The node-api appender wraps the binding's handle; appending the raw chunk
// through it skips the wrapper's per-chunk vector objects.
function appenderHandle(appender: object): duckdb.Appender {
  return (appender as { appender: duckdb.Appender }).appender;
}
