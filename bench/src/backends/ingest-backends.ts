import { logBlocksTable, logsTable, requestsTable, spansTable } from '@tinsel/model';
import { logBlocks } from '@tinsel/ingest';
import type { Store } from '@tinsel/store';
import { backendBatch } from './backend-dataset.ts';

/** What one store took to append the whole dataset, by table, and its size on disk afterwards. */
export interface IngestFigures {
  rows: { requests: number; spans: number; logs: number };
  /** Milliseconds inside `Store.append`, summed per table (the full-text index rows count with the logs). */
  millis: { requests: number; spans: number; logs: number };
  /** CPU milliseconds of this process during the appends (DuckDB's threads included). */
  clientCpuMillis: number;
  /** CPU milliseconds of the server process during the appends, where there is one (its merges included). */
  serverCpuMillis: number;
  /** Milliseconds of `Store.compact` after the last append (DuckDB: checkpoint; ClickHouse: OPTIMIZE). */
  compactMillis: number;
  bytesOnDisk: number;
}

export const emptyIngestFigures = (): IngestFigures => ({ rows: { requests: 0, spans: 0, logs: 0 }, millis: { requests: 0, spans: 0, logs: 0 }, clientCpuMillis: 0, serverCpuMillis: 0, compactMillis: 0, bytesOnDisk: 0 });

/**
 * Generates the dataset batch by batch (not timed) and appends each batch
 * to every store in turn through `Store.append`, as ingest does: requests,
 * spans, then the log lines with their full-text index rows. Only the
 * appends are timed, one store at a time, so the stores never compete for
 * the two cores while being measured.
 */
/** A store under test, and the CPU clock of its server process when it has one. */
export interface MeasuredStore {
  store: Store;
  serverCpuMillis?: () => number;
}

export async function ingestBackends(stores: MeasuredStore[], requests: number, batchRequests: number, onBatch: (done: number) => void): Promise<IngestFigures[]> {
  const figures = stores.map(emptyIngestFigures);
  for (let first = 0; first < requests; first += batchRequests) {
    const batch = backendBatch(first, batchRequests, requests);
    const blocks = logBlocks(batch.logs).map((b) => b.block);
    for (const [index, { store, serverCpuMillis }] of stores.entries()) {
      const f = figures[index]!;
      const cpu = process.cpuUsage();
      const server = serverCpuMillis?.() ?? 0;
      f.millis.requests += await timed(() => store.append(requestsTable, batch.requests));
      f.millis.spans += await timed(() => store.append(spansTable, batch.spans));
      f.millis.logs += await timed(async () => {
        await store.append(logsTable, batch.logs);
        await store.append(logBlocksTable, blocks);
      });
      const used = process.cpuUsage(cpu);
      f.clientCpuMillis += (used.user + used.system) / 1000;
      f.serverCpuMillis += (serverCpuMillis?.() ?? 0) - server;
      f.rows.requests += batch.requests.length;
      f.rows.spans += batch.spans.length;
      f.rows.logs += batch.logs.length;
    }
    onBatch(Math.min(requests, first + batchRequests));
  }
  for (const [index, { store }] of stores.entries()) {
    const f = figures[index]!;
    f.compactMillis = await timed(() => store.compact());
    f.bytesOnDisk = (await store.stats()).bytesOnDisk;
  }
  return figures;
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Rows per second over all three tables. */
export function ingestRate(f: IngestFigures): number {
  const rows = f.rows.requests + f.rows.spans + f.rows.logs;
  const ms = f.millis.requests + f.millis.spans + f.millis.logs;
  return rows / (ms / 1000);
}

/** Rows per CPU-second of client and server together: what the machine's cores buy, whatever else runs on them. */
export function ingestRowsPerCpuSecond(f: IngestFigures): number {
  return (f.rows.requests + f.rows.spans + f.rows.logs) / ((f.clientCpuMillis + f.serverCpuMillis) / 1000);
}
