import { DuckDBDataChunk, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import type { ColumnType, Columns, RowOf, TableSchema } from '@tinsel/model';
import { ident, join, renderSql, sql, unsafeRawSql, type Sql } from '@tinsel/store';
import { appendRows } from './append-rows.ts';
import { duckDbDialect } from './duckdb-dialect.ts';

// Field and null markers: ASCII unit and record separators. ALB writes
// control bytes as \xHH escapes, so real values practically never hold them;
// a row that does goes the slower column-by-column way instead.
const FIELD = '\x1f';
const NULL = '\x1e';
const CHUNK_ROWS = 2048;

const text = (query: Sql) => renderSql(query, duckDbDialect).text;

/** SQL that turns the i-th packed field back into its column's type (trusted text: an index and a type). */
function castField(type: ColumnType, index: number): string {
  const field = `nullif(p[${Math.trunc(index) + 1}], chr(30))`;
  switch (type) {
    case 'timestamp':
      return `make_timestamp(${field}::BIGINT)`;
    case 'trace_id':
      return `${field}::UUID`;
    case 'int32':
      return `${field}::INTEGER`;
    case 'int64':
      return `${field}::BIGINT`;
    case 'float64':
      return `${field}::DOUBLE`;
    case 'bool':
      return `(${field} = '1')`;
    default:
      return field;
  }
}

function pack(row: Record<string, unknown>, names: readonly string[]): string | null {
  let line = '';
  for (let i = 0; i < names.length; i++) {
    const value = row[names[i]!];
    let text: string;
    if (value === null || value === undefined) text = NULL;
    else if (typeof value === 'string') {
      if (value.includes(FIELD) || value.includes(NULL)) return null;
      text = value;
    } else if (typeof value === 'boolean') text = value ? '1' : '0';
    else text = String(value);
    line = i === 0 ? text : line + FIELD + text;
  }
  return line;
}

/**
 * Appends records as one packed text per row into a staging table, then
 * splits and casts them inside DuckDB. The binding pays a native call per
 * string value, so a wide row of strings costs dozens of calls column by
 * column but one call this way; the split and casts run on DuckDB's own
 * threads while JavaScript prepares the next batch. `npm run bench --
 * duckdb-append` compares the two.
 */
export async function appendPacked<S extends TableSchema<Columns>>(
  connection: DuckDBConnection,
  table: S,
  rows: readonly RowOf<S>[],
  options: { inTransaction?: boolean } = {},
): Promise<void> {
  const names = Object.keys(table.columns);
  const stage = ident(`stage_${table.name}`);
  const lines: string[] = [];
  const awkward: RowOf<S>[] = [];
  for (const row of rows) {
    const line = pack(row as Record<string, unknown>, names);
    if (line === null) awkward.push(row);
    else lines.push(line);
  }
  await connection.run(text(sql`CREATE TEMP TABLE IF NOT EXISTS ${stage} (line VARCHAR)`));
  const appender = await connection.createAppender(`stage_${table.name}`);
  const chunk = DuckDBDataChunk.create([VARCHAR]);
  for (let start = 0; start < lines.length; start += CHUNK_ROWS) {
    const part = lines.slice(start, start + CHUNK_ROWS);
    chunk.reset();
    chunk.rowCount = part.length;
    chunk.setColumnValues(0, part);
    appender.appendDataChunk(chunk);
  }
  appender.flushSync();
  appender.closeSync();
  const casts = join(names.map((name, i) => sql`${unsafeRawSql(castField(table.columns[name]!.type, i))} AS ${ident(name)}`));
  // Inside a writer's transaction already: its commit covers these rows.
  const own = !options.inTransaction;
  try {
    if (own) await connection.run('BEGIN TRANSACTION');
    await connection.run(text(sql`INSERT INTO ${ident(table.name)} SELECT ${casts} FROM (SELECT string_split(line, chr(31)) AS p FROM ${stage})`));
    if (awkward.length > 0) await appendRows(connection, table, awkward);
    if (own) await connection.run('COMMIT');
  } catch (error) {
    if (own) await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await connection.run(text(sql`DELETE FROM ${stage}`));
  }
}
