import type { ColumnSpec, TableSchema } from '@tinsel/model';
import { ident, join, renderSql, sql, unsafeRawSql } from '@tinsel/store';
import { duckDbDialect } from './duckdb-dialect.ts';

/**
 * Per-column compression, by column type. Trace ids are stored uncompressed:
 * DuckDB otherwise bit-packs the 128-bit ids (X-Ray ids share their time
 * prefix within a row group), and unpacking a row group cost a trace
 * lookup about 6 ms of CPU against about 1 ms uncompressed, for about 4
 * bytes a row more on disk (docs/benchmarks.md).
 */
const COMPRESSION: Partial<Record<ColumnSpec['type'], string>> = { trace_id: 'uncompressed' };

/** CREATE TABLE for a canonical table, from its column schema. */
export function tableDdl(table: TableSchema): string {
  const columns = Object.entries(table.columns).map(([name, spec]) => {
    const compression = COMPRESSION[spec.type];
    const using = compression === undefined ? '' : ` USING COMPRESSION ${compression}`;
    return sql`${ident(name)} ${unsafeRawSql(duckDbDialect.columnType(spec))}${unsafeRawSql(using)}${spec.nullable ? unsafeRawSql('') : unsafeRawSql(' NOT NULL')}`;
  });
  return renderSql(sql`CREATE TABLE IF NOT EXISTS ${ident(table.name)} (${join(columns)})`, duckDbDialect).text;
}

/** The ledger of ingested files that makes file ingest idempotent. */
export const ledgerTableDdl = `CREATE TABLE IF NOT EXISTS ingested_files (
  key VARCHAR PRIMARY KEY,
  size BIGINT NOT NULL,
  sha256 VARCHAR NOT NULL,
  rows BIGINT NOT NULL,
  dead_letters BIGINT NOT NULL,
  status VARCHAR NOT NULL,
  ingested_at TIMESTAMP NOT NULL,
  content_tag VARCHAR
)`;
