import type { TableSchema } from '@tinsel/model';
import { ident, join, renderSql, sql, unsafeRawSql } from '@tinsel/store';
import { duckDbDialect } from './duckdb-dialect.ts';

/** CREATE TABLE for a canonical table, from its column schema. */
export function tableDdl(table: TableSchema): string {
  const columns = Object.entries(table.columns).map(([name, spec]) =>
    sql`${ident(name)} ${unsafeRawSql(duckDbDialect.columnType(spec))}${spec.nullable ? unsafeRawSql('') : unsafeRawSql(' NOT NULL')}`,
  );
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
