import type { IngestedFile, ResultRow } from './store.ts';

/**
 * A ledger row (`ingested_files`: key, size, sha256, content_tag, rows,
 * dead_letters, status, ingested_at) as the `IngestedFile` every backend
 * answers `findIngestedFile` with.
 *
 * @example
 * const [row] = await store.query(sql`SELECT * FROM ingested_files WHERE key = ${key}`);
 * return row ? ingestedFileFromRow(row) : undefined;
 */
export function ingestedFileFromRow(row: ResultRow): IngestedFile {
  return {
    key: String(row.key),
    size: Number(row.size),
    sha256: String(row.sha256),
    contentTag: row.content_tag === null ? null : String(row.content_tag),
    rows: Number(row.rows),
    deadLetters: Number(row.dead_letters),
    status: row.status === 'done' ? 'done' : 'partial',
    ingestedAt: String(row.ingested_at),
  };
}
