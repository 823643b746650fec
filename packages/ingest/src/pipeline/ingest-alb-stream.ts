import { readLines } from '../sources/lines/read-lines.ts';
import { writeAlbBatch, type AlbBatchResult, type RowEnricher } from './alb-batch-writer.ts';
import type { Store } from '@tinsel/store';
import type { IngestCounters } from './ingest-counters.ts';

/**
 * Ingests raw ALB lines from a stream (an HTTP body, gzip or not). There is
 * no ledger here: each call is new input.
 */
export async function ingestAlbStream(
  deps: { store: Store; enricher: RowEnricher; counters: IngestCounters },
  input: NodeJS.ReadableStream,
  source: string,
): Promise<AlbBatchResult & { error: string | null }> {
  const reading = readLines(input);
  const totals = { accepted: 0, deadLettered: 0, skipped: 0 };
  const origin = { source, accountId: null, region: null };
  for await (const batch of reading.batches) {
    const result = await writeAlbBatch(deps, origin, batch.lines, batch.firstLine);
    totals.accepted += result.accepted;
    totals.deadLettered += result.deadLettered;
    totals.skipped += result.skipped;
  }
  const outcome = await reading.done;
  return { ...totals, error: outcome.error ? `${outcome.error.kind}: ${outcome.error.message}` : null };
}
