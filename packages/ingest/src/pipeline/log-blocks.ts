import { GramSet, TEXT_INDEX_SCHEME, addTextGrams, buildTextBloom, encodeTextBloom, logBlocksTable, logsTable, type LogBlockRecord, type LogRecord } from '@tinsel/model';
import { ident, sql, type Store } from '@tinsel/store';

/**
 * Events per index block. Smaller blocks prune more finely but each costs
 * a row of the index and a range to scan; 8,192 kept a rare-token search
 * over 30M events to a few dozen short ranges (docs/benchmarks.md).
 */
export const LOG_BLOCK_ROWS = 8192;

/** An index row with the grams it was built from, which the next merge of small blocks needs. */
export interface BuiltLogBlock {
  block: LogBlockRecord;
  grams: GramSet;
}

/**
 * The full-text index rows for events about to be stored: the events cut
 * into blocks of at most `blockRows` in the order given, each with its time
 * range and a Bloom filter of the trigrams of message, template and
 * exception (a superset of the fields a bare word searches).
 *
 * @example
 * await writer.append(logBlocksTable, logBlocks(records).map((b) => b.block));
 */
export function logBlocks(records: readonly LogRecord[], blockRows: number = LOG_BLOCK_ROWS): BuiltLogBlock[] {
  const blocks: BuiltLogBlock[] = [];
  for (let start = 0; start < records.length; start += blockRows) {
    blocks.push(buildLogBlock(records.slice(start, start + blockRows)));
  }
  return blocks;
}

type IndexedFields = Pick<LogRecord, 'timestamp' | 'message' | 'message_template' | 'exception'>;

/** One index row for a non-empty set of events. */
export function logBlock(records: readonly IndexedFields[]): LogBlockRecord {
  return buildLogBlock(records).block;
}

function buildLogBlock(records: readonly IndexedFields[]): BuiltLogBlock {
  const grams = new GramSet();
  let min = Infinity;
  let max = -Infinity;
  for (const record of records) {
    if (record.timestamp < min) min = record.timestamp;
    if (record.timestamp > max) max = record.timestamp;
    if (record.message !== null) addTextGrams(record.message, grams);
    if (record.message_template !== null) addTextGrams(record.message_template, grams);
    if (record.exception !== null) addTextGrams(record.exception, grams);
  }
  return { block: blockRecord(min, max, records.length, grams), grams };
}

/** The index row of events spanning [min, max] whose text has `grams`. */
export function blockRecord(min: number, max: number, rows: number, grams: GramSet): LogBlockRecord {
  return { min_time: min, max_time: max, rows, scheme: TEXT_INDEX_SCHEME, bloom: encodeTextBloom(buildTextBloom(grams)) };
}

/**
 * When the index is still empty but events are already stored (they came
 * before the index existed), one unindexed block (null filter) covering
 * their whole time range, so that searches keep scanning it; null when
 * there is nothing to cover. The caller writes it in the same transaction
 * as the first indexed block.
 */
export async function unindexedLogsBlock(store: Store): Promise<LogBlockRecord | null> {
  const [indexed] = await store.query(sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${ident(logBlocksTable.name)} LIMIT 1) AS any_block`);
  if (Number(indexed?.n ?? 0) > 0) return null;
  const time = ident(logsTable.timeColumn);
  const [range] = await store.query(sql`SELECT count(*) AS n, min(${time}) AS min_time, max(${time}) AS max_time FROM ${ident(logsTable.name)}`);
  const rows = Number(range?.n ?? 0);
  if (rows === 0 || typeof range?.min_time !== 'string' || typeof range.max_time !== 'string') return null;
  return { min_time: isoMicros(range.min_time), max_time: isoMicros(range.max_time), rows, scheme: TEXT_INDEX_SCHEME, bloom: null };
}

/** Stores return timestamps as ISO-8601 text with up to six fraction digits (Date.parse stops at milliseconds). */
function isoMicros(iso: string): number {
  const fraction = /\.(\d{1,6})/.exec(iso)?.[1] ?? '';
  return Math.floor(Date.parse(iso) / 1000) * 1_000_000 + Number(fraction.padEnd(6, '0'));
}
