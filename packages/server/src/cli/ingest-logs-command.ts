import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { decodeClefLines, readLines, writeLogBatch, type LineBatch } from '@tinsel/ingest';
import { openTinsel, type Tinsel } from '../open-tinsel.ts';
import type { TinselConfig } from '../config/config.ts';
import { ProgressReporter } from './progress-reporter.ts';
import { serverFetch } from './find-server.ts';

// Lines per request or transaction: large enough to amortise a round trip,
// small enough to stay far under the body limit with typical events.
const BATCH_LINES = 5000;

type SendBatch = (batch: LineBatch) => Promise<{ accepted: number; deadLettered: number }>;

/**
 * `tinsel ingest logs <file>`: CLEF or plain JSON lines, gzip or not, sent
 * in batches through a running server (`POST /api/ingest/logs`) when one
 * answers, else written into the data folder. Bad lines are dead-lettered
 * with their line number in the file; the exit code is 1 when the file
 * could not be read to its end.
 */
export async function runIngestLogs(config: TinselConfig, server: string | null, file: string, reporter = new ProgressReporter()): Promise<number> {
  const size = (await stat(file)).size;
  const tinsel = server === null ? await openTinsel(config) : null;
  try {
    const send = tinsel === null ? viaServer(server!) : direct(tinsel, config);
    const reading = readLines(createReadStream(file), { batchLines: BATCH_LINES });
    const totals = { accepted: 0, deadLettered: 0, bytesIn: 0, bytesOut: 0 };
    for await (const batch of reading.batches) {
      const result = await send(batch);
      totals.accepted += result.accepted;
      totals.deadLettered += result.deadLettered;
      totals.bytesIn = batch.bytesIn;
      totals.bytesOut = batch.bytesOut;
      reporter.progress({ lines: batch.firstLine + batch.lines.length - 1, bytesIn: batch.bytesIn, bytesOut: batch.bytesOut, deadLettered: totals.deadLettered });
    }
    const outcome = await reading.done;
    const error = outcome.error ? `${outcome.error.kind} at line ${outcome.error.atLine}: ${outcome.error.message}` : null;
    reporter.fileDone(file, { status: error ? 'partial' : 'done', ...totals, bytesIn: outcome.bytesIn || size, error }, outcome.totalLines);
    return error ? 1 : 0;
  } finally {
    await tinsel?.close();
  }
}

function viaServer(server: string): SendBatch {
  return async (batch) => {
    const response = await serverFetch(`${server}/api/ingest/logs`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', 'x-tinsel-first-line': String(batch.firstLine) },
      body: batch.lines.join('\n'),
    });
    const body = (await response.json()) as { accepted?: number; deadLettered?: number; message?: string };
    if (!response.ok) throw new Error(`the server refused lines ${batch.firstLine}–${batch.firstLine + batch.lines.length - 1}: ${body.message ?? response.status}`);
    return { accepted: body.accepted ?? 0, deadLettered: body.deadLettered ?? 0 };
  };
}

function direct(tinsel: Tinsel, config: TinselConfig): SendBatch {
  return async (batch) => {
    const decoded = decodeClefLines(batch.lines.join('\n'), { source: 'ndjson', plainJson: true, traceIdProperties: config.logs.traceIdProperties });
    const rejected = decoded.rejected.map((r) => ({ ...r, position: r.position + batch.firstLine - 1 }));
    await writeLogBatch(tinsel.store, tinsel.counters, { source: 'ndjson', records: decoded.records, rejected });
    return { accepted: decoded.records.length, deadLettered: rejected.length };
  };
}
