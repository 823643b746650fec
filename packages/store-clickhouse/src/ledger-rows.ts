import { sql, type IngestedFile, type Sql } from '@tinsel/store';
import { escapeTsv } from './escape-tsv.ts';

/** The ledger's columns in insert order. */
export const ledgerColumns = ['key', 'size', 'sha256', 'content_tag', 'rows', 'dead_letters', 'status', 'ingested_at', 'version'];

let lastVersion = 0;

/**
 * A version larger than any before it in this process: the ledger keeps
 * every record of a key and the newest version wins. Microseconds since the
 * epoch, so versions also grow across restarts and across Tinsel nodes whose
 * clocks agree.
 */
function nextVersion(): number {
  lastVersion = Math.max(lastVersion + 1, Date.now() * 1000);
  return lastVersion;
}

/** One ledger record as a TabSeparated line. */
export function ledgerTsv(file: IngestedFile): string {
  const text = (v: string | null) => (v === null ? '\\N' : escapeTsv(v));
  return `${[text(file.key), file.size, text(file.sha256), text(file.contentTag), file.rows, file.deadLetters, text(file.status), text(file.ingestedAt), nextVersion()].join('\t')}\n`;
}

export function selectNewestLedgerRow(key: string): Sql {
  return sql`SELECT key, size, sha256, content_tag, rows, dead_letters, status, ingested_at FROM ingested_files WHERE key = ${key} ORDER BY version DESC LIMIT 1`;
}
