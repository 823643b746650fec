import { deadLettersTable, requestsTable, type DeadLetterRecord, type RequestRecord } from '@tinsel/model';
import type { StoreWriter } from '@tinsel/store';

/** Where batches go: a store, or a writer's transaction. */
export type RowSink = Pick<StoreWriter, 'append'>;
import { enrichRequests } from '../transforms/enrich.ts';
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

/** A parsed and enriched batch, ready to commit. */
export interface PreparedAlbBatch {
  rows: RequestRecord[];
  dead: DeadLetterRecord[];
  lines: number;
  skipped: number;
}

/**
 * Parses and enriches one batch of ALB lines. Bad lines become dead letters
 * with their line number; the rest of the batch goes on.
 */
export function prepareAlbBatch(enricher: RowEnricher, origin: AlbOrigin, lines: readonly string[], firstLine: number): PreparedAlbBatch {
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
  enrichRequests(rows, enricher);
  return { rows, dead, lines: lines.length, skipped };
}

/** Appends a prepared batch and counts it. */
export async function commitAlbBatch(deps: { store: RowSink; counters: IngestCounters }, batch: PreparedAlbBatch): Promise<AlbBatchResult> {
  await deps.store.append(requestsTable, batch.rows);
  await deps.store.append(deadLettersTable, batch.dead);
  deps.counters.add('tinsel_ingest_alb_lines_total', batch.lines);
  deps.counters.add('tinsel_ingest_alb_rows_total', batch.rows.length);
  deps.counters.add('tinsel_ingest_alb_dead_letters_total', batch.dead.length);
  return { accepted: batch.rows.length, deadLettered: batch.dead.length, skipped: batch.skipped };
}

/**
 * Parses, enriches and appends lines one batch after another, with one
 * batch's append in flight while the next is parsed: the store works on its
 * own threads meanwhile. At most two batches are held, so memory stays flat.
 */
export async function writeAlbBatches<B extends { lines: string[]; firstLine: number }>(
  deps: { store: RowSink; enricher: RowEnricher; counters: IngestCounters },
  origin: AlbOrigin,
  batches: AsyncIterable<B>,
  onBatch: (result: AlbBatchResult, batch: B) => void = () => {},
): Promise<AlbBatchResult> {
  const totals: AlbBatchResult = { accepted: 0, deadLettered: 0, skipped: 0 };
  let inflight: Promise<void> | null = null;
  for await (const batch of batches) {
    const prepared = prepareAlbBatch(deps.enricher, origin, batch.lines, batch.firstLine);
    if (inflight) await inflight;
    inflight = commitAlbBatch(deps, prepared).then((result) => {
      totals.accepted += result.accepted;
      totals.deadLettered += result.deadLettered;
      totals.skipped += result.skipped;
      onBatch(result, batch);
    });
    // Marked handled now; the failure still surfaces at the next await.
    inflight.catch(() => undefined);
  }
  if (inflight) await inflight;
  return totals;
}
