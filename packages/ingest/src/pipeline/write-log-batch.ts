import { deadLettersTable, logBlocksTable, logsTable, type DeadLetterRecord, type LogBlockRecord, type LogRecord } from '@tinsel/model';
import type { Store } from '@tinsel/store';
import { deadLetter } from './dead-letter.ts';
import type { IngestCounters } from './ingest-counters.ts';
import { logBlocks, unindexedLogsBlock, type BuiltLogBlock } from './log-blocks.ts';
import { SmallLogBlockMerger } from './merge-small-log-blocks.ts';

/** A decoded batch of log events: those accepted and those rejected, with where and why. */
export interface LogBatch {
  /** `seq-clef`, `es-bulk`, `otlp`, `ndjson`: stored in each row and in the counter names. */
  source: string;
  records: LogRecord[];
  rejected: { position: number; reason: string; raw: string }[];
}

/**
 * The counter name for a log source: `tinsel_<source>_<what>_total`, with the
 * source's dashes made underscores so Prometheus accepts it.
 *
 * @example
 * logCounterName('seq-clef', 'events') // 'tinsel_seq_clef_events_total'
 */
export function logCounterName(source: string, what: string): string {
  return `tinsel_${source.replace(/[^a-zA-Z0-9_]/g, '_')}_${what}_total`;
}

interface Waiting {
  batch: LogBatch;
  settle: (error?: unknown) => void;
}

/** Batches waiting for the next transaction, per store. */
const queues = new WeakMap<Store, Queue>();

interface Queue {
  waiting: Waiting[];
  writing: boolean;
  /** Folds the index blocks of small transactions together. */
  merger: SmallLogBlockMerger;
}
/** Stores whose full-text index is known to cover the events stored before it (see unindexedLogsBlock). */
const covered = new WeakSet<Store>();

/**
 * Stores a batch's accepted events and its dead letters in one transaction,
 * so a failure leaves neither, then counts both
 * (`tinsel_seq_clef_events_total`, `tinsel_seq_clef_events_rejected_total`).
 * Resolves once the batch is committed, so a client acknowledged after it
 * has its events stored. Batches that arrive while a transaction is being
 * written share the next one (a group commit): a commit per request would
 * cost more than the request's rows. A store failure rejects every batch of
 * that transaction and counts none of them; each caller answers its client
 * with an error, and the client retries. The events' full-text index
 * blocks (log_blocks) are written in the same transaction, so the index
 * never lacks a committed event; the small blocks of small transactions
 * are merged between transactions (SmallLogBlockMerger).
 */
export function writeLogBatch(store: Store, counters: IngestCounters, batch: LogBatch): Promise<void> {
  if (batch.records.length === 0 && batch.rejected.length === 0) return Promise.resolve();
  let queue = queues.get(store);
  if (queue === undefined) {
    queue = { waiting: [], writing: false, merger: new SmallLogBlockMerger() };
    queues.set(store, queue);
  }
  const stored = new Promise<void>((resolve, reject) => {
    queue.waiting.push({ batch, settle: (error) => (error === undefined ? resolve() : reject(error)) });
  });
  if (!queue.writing) void drain(store, counters, queue);
  return stored;
}

/**
 * The log events waiting for the next transaction of a store (0 when none
 * wait): the depth of the group-commit queue, shown on /metrics.
 */
export function logWriteBacklog(store: Store): number {
  const queue = queues.get(store);
  if (queue === undefined) return 0;
  return queue.waiting.reduce((sum, w) => sum + w.batch.records.length, 0);
}

async function drain(store: Store, counters: IngestCounters, queue: Queue): Promise<void> {
  queue.writing = true;
  try {
    while (queue.waiting.length > 0) {
      const group = queue.waiting;
      queue.waiting = [];
      let written: BuiltLogBlock[];
      try {
        written = await writeGroup(store, group.map((w) => w.batch));
      } catch (error) {
        for (const waiting of group) waiting.settle(error);
        continue;
      }
      for (const { batch, settle } of group) {
        counters.add(logCounterName(batch.source, 'events'), batch.records.length);
        counters.add(logCounterName(batch.source, 'events_rejected'), batch.rejected.length);
        settle();
      }
      queue.merger.add(written);
      if (queue.merger.due) await queue.merger.merge(store).catch(() => counters.add('tinsel_logs_index_merge_failures_total', 1));
    }
  } finally {
    queue.writing = false;
  }
}

/** Stores one transaction's batches; resolves to the index blocks written for them. */
async function writeGroup(store: Store, batches: readonly LogBatch[]): Promise<BuiltLogBlock[]> {
  const records: LogRecord[] = [];
  const letters: DeadLetterRecord[] = [];
  for (const batch of batches) {
    for (const record of batch.records) records.push(record);
    for (const r of batch.rejected) letters.push(deadLetter('logs', batch.source, r.position, r.reason, r.raw));
  }
  const built = records.length > 0 ? logBlocks(records) : [];
  const blocks: LogBlockRecord[] = built.map((b) => b.block);
  const legacy = blocks.length > 0 && !covered.has(store) ? await unindexedLogsBlock(store) : null;
  const writer = await store.openWriter();
  try {
    if (records.length > 0) await writer.append(logsTable, records);
    if (legacy !== null) blocks.push(legacy);
    if (blocks.length > 0) await writer.append(logBlocksTable, blocks);
    if (letters.length > 0) await writer.append(deadLettersTable, letters);
    await writer.commit();
  } catch (error) {
    await writer.rollback();
    throw error;
  }
  if (blocks.length > 0) covered.add(store);
  return built;
}
