import type { IngestedFile, Store, StoreWriter } from '@tinsel/store';
import { sql } from '@tinsel/store';
import type { AlbSourceFile } from '../sources/alb-file/alb-source-file.ts';
import { readLines } from '../sources/lines/read-lines.ts';
import { writeAlbBatches, type RowEnricher } from './alb-batch-writer.ts';
import type { IngestCounters } from './ingest-counters.ts';
import { sha256OfFile } from './sha256-of-file.ts';

export interface AlbFileProgress {
  key: string;
  lines: number;
  bytesIn: number;
  bytesOut: number;
  deadLettered: number;
}

export interface AlbFileResult {
  key: string;
  /** `unchanged`: already ingested with the same size and content; nothing added. */
  status: 'done' | 'partial' | 'unchanged';
  accepted: number;
  deadLettered: number;
  skipped: number;
  bytesIn: number;
  bytesOut: number;
  /** Why a partial file stopped (e.g. its gzip was truncated). */
  error: string | null;
}

export interface AlbIngestDeps {
  store: Store;
  enricher: RowEnricher;
  counters: IngestCounters;
  onProgress?: (progress: AlbFileProgress) => void;
}

/**
 * Ingests one ALB log object exactly once. A file already in the ledger with
 * the same size and content hash adds nothing; a file that stopped part-way
 * (a truncated gzip) or changed has its earlier rows removed and is read
 * again, so rows are never duplicated.
 */
export async function ingestAlbFile(deps: AlbIngestDeps, file: AlbSourceFile, claimedSha256?: string): Promise<AlbFileResult> {
  const prior = await deps.store.findIngestedFile(file.key);
  if (prior?.status === 'done' && prior.size === file.size && (await sameContent(prior, file, claimedSha256))) {
    deps.counters.add('tinsel_ingest_alb_files_unchanged_total');
    return { key: file.key, status: 'unchanged', accepted: 0, deadLettered: 0, skipped: 0, bytesIn: 0, bytesOut: 0, error: null };
  }
  // One transaction per file: its rows, dead letters and ledger entry land
  // together, so a crash part-way leaves the file as it was before.
  const writer = await deps.store.openWriter();
  try {
    if (prior) await removeRowsOf(writer, file.key);
    const result = await streamFile({ ...deps, writer }, file, claimedSha256);
    await writer.commit();
    deps.counters.add(result.status === 'done' ? 'tinsel_ingest_alb_files_total' : 'tinsel_ingest_alb_files_partial_total');
    return result;
  } catch (error) {
    await writer.rollback();
    throw error;
  }
}

async function streamFile(deps: AlbIngestDeps & { writer: StoreWriter }, file: AlbSourceFile, claimedSha256: string | undefined): Promise<AlbFileResult> {
  const origin = { source: file.key, accountId: file.meta?.accountId ?? null, region: file.meta?.region ?? null };
  const reading = readLines(await file.open());
  let progressed = { bytesIn: 0, bytesOut: 0, deadLettered: 0 };
  const written = await writeAlbBatches({ ...deps, store: deps.writer }, origin, reading.batches, (result, b) => {
    progressed = { bytesIn: b.bytesIn, bytesOut: b.bytesOut, deadLettered: progressed.deadLettered + result.deadLettered };
    deps.onProgress?.({ key: file.key, lines: b.firstLine + b.lines.length - 1, ...progressed });
  });
  const totals = { ...written, bytesIn: progressed.bytesIn, bytesOut: progressed.bytesOut };
  const outcome = await reading.done;
  const mismatch = claimedSha256 !== undefined && claimedSha256 !== outcome.sha256;
  const status = outcome.error || mismatch ? 'partial' : 'done';
  await deps.writer.recordIngestedFile({
    key: file.key,
    size: file.size,
    sha256: outcome.sha256,
    contentTag: file.contentTag ?? null,
    rows: totals.accepted,
    deadLetters: totals.deadLettered,
    status,
    ingestedAt: new Date().toISOString(),
  });
  const error = outcome.error
    ? `${outcome.error.kind} at line ${outcome.error.atLine}: ${outcome.error.message}`
    : mismatch
      ? 'the bytes received do not match the SHA-256 the sender declared'
      : null;
  return { key: file.key, status, ...totals, bytesIn: outcome.bytesIn, error };
}

/**
 * Whether a file matches its ledger entry, cheapest evidence first: the
 * source's content tag (an S3 ETag: no download), the hash an uploader
 * declared (checked again after streaming), else the file's own hash.
 */
async function sameContent(prior: IngestedFile, file: AlbSourceFile, claimedSha256: string | undefined): Promise<boolean> {
  if (file.contentTag !== undefined && prior.contentTag !== null) return file.contentTag === prior.contentTag;
  return prior.sha256 === (claimedSha256 ?? (await sha256OfFile(file)));
}

async function removeRowsOf(writer: StoreWriter, key: string): Promise<void> {
  await writer.execute(sql`DELETE FROM requests WHERE source = ${key}`);
  await writer.execute(sql`DELETE FROM dead_letters WHERE source = ${key}`);
}

