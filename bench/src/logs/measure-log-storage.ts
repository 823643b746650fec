import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IngestCounters, writeLogBatch, type DecodedLogs } from '@tinsel/ingest';
import { createDuckDbStore } from '@tinsel/store-duckdb';

/**
 * Bytes on disk per stored event: the decoded batches written as the
 * server writes them (one transaction per batch) into a new DuckDB file,
 * checkpointed, and the file's size divided by the rows. Measured apart
 * from the load so that the figure rests on the whole pool of distinct
 * events however fast a busy machine let the load go.
 *
 * @example
 * const perEvent = await measureLogStorage(bodies.map((b) => decodeClefLines(b, { source: 'seq-clef' })));
 */
export async function measureLogStorage(batches: readonly DecodedLogs[], source: string): Promise<{ bytesPerEvent: number; rows: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tinsel-bench-logs-'));
  const store = await createDuckDbStore({ dataDir });
  try {
    await store.migrate();
    const counters = new IngestCounters();
    for (const batch of batches) await writeLogBatch(store, counters, { source, records: batch.records, rejected: [] });
    await store.compact();
    const stats = await store.stats();
    return { bytesPerEvent: stats.bytesOnDisk / stats.rows.logs, rows: stats.rows.logs };
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
