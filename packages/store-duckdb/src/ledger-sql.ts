import type { TableName } from '@tinsel/model';
import { ident, sql, type IngestedFile, type Sql } from '@tinsel/store';

export function selectLedgerRow(key: string): Sql {
  return sql`SELECT key, size, sha256, content_tag, rows, dead_letters, status, ingested_at FROM ingested_files WHERE key = ${key}`;
}

export function upsertLedgerRow(file: IngestedFile): Sql {
  return sql`INSERT OR REPLACE INTO ingested_files (key, size, sha256, rows, dead_letters, status, ingested_at, content_tag)
    VALUES (${file.key}, ${file.size}, ${file.sha256}, ${file.rows}, ${file.deadLetters}, ${file.status}, ${file.ingestedAt}::TIMESTAMP, ${file.contentTag})`;
}

export function countRows(table: TableName): Sql {
  return sql`SELECT count(*) AS n FROM ${ident(table)}`;
}
