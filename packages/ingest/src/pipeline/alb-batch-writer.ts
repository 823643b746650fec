import { deadLettersTable, requestsTable, type DeadLetterRecord, type RequestRecord } from '@tinsel/model';
import type { Store } from '@tinsel/store';
import { parseAlbLine } from '../transforms/parse-alb-line.ts';
import { deadLetter } from './dead-letter.ts';
import type { IngestCounters } from './ingest-counters.ts';

/** Fills enrichment columns in place; the enrichment tables implement it. */
export interface RowEnricher {
  enrich(rows: RequestRecord[]): void;
}

/** What the key of an S3-layout object tells about its rows. */
export interface AlbOrigin {
  source: string;
  accountId: string | null;
  region: string | null;
}

export interface AlbBatchResult {
  accepted: number;
  deadLettered: number;
  skipped: number;
}

// ELB writes this one line into a test object when logging is switched on.
const TEST_LINE_PREFIX = 'Enable AccessLog for ELB:';

/**
 * Parses, enriches and appends one batch of ALB lines. Bad lines become dead
 * letters with their line number; the rest of the batch goes in.
 */
export async function writeAlbBatch(
  deps: { store: Store; enricher: RowEnricher; counters: IngestCounters },
  origin: AlbOrigin,
  lines: readonly string[],
  firstLine: number,
): Promise<AlbBatchResult> {
  const rows: RequestRecord[] = [];
  const dead: DeadLetterRecord[] = [];
  let skipped = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length === 0 || line.startsWith(TEST_LINE_PREFIX)) {
      skipped++;
      continue;
    }
    const parsed = parseAlbLine(line, origin.source);
    if (parsed.ok) {
      const row = parsed.value;
      row.account_id = origin.accountId;
      row.region = origin.region;
      rows.push(row);
    } else {
      dead.push(deadLetter('requests', origin.source, firstLine + i, parsed.reason, line));
    }
  }
  deps.enricher.enrich(rows);
  await deps.store.append(requestsTable, rows);
  await deps.store.append(deadLettersTable, dead);
  deps.counters.add('tinsel_ingest_alb_lines_total', lines.length);
  deps.counters.add('tinsel_ingest_alb_rows_total', rows.length);
  deps.counters.add('tinsel_ingest_alb_dead_letters_total', dead.length);
  return { accepted: rows.length, deadLettered: dead.length, skipped };
}
