import { readLines } from '../sources/lines/read-lines.ts';
import { writeAlbBatches, type AlbBatchResult, type RowEnricher } from './alb-batch-writer.ts';
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
  const totals = await writeAlbBatches(deps, { source, accountId: null, region: null }, reading.batches);
  const outcome = await reading.done;
  return { ...totals, error: outcome.error ? `${outcome.error.kind}: ${outcome.error.message}` : null };
}
