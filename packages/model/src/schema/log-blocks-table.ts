import { col } from './column.ts';
import { defineTable, type RowOf } from './table.ts';

/**
 * The full-text index of the logs: one row per block of log events written
 * together, with the time range the block's events lie in and a Bloom
 * filter of the trigrams of their text. A search reads the blocks first
 * and scans only the time ranges of blocks that may hold its text; a row
 * whose `bloom` is null stands for events written without an index (those
 * stored before it existed), whose range is always scanned.
 */
export const logBlocksTable = defineTable({
  name: 'log_blocks',
  timeColumn: 'min_time',
  doc: 'Full-text index of the logs: per block of events, its time range and a Bloom filter of its text trigrams.',
  columns: {
    min_time: col.timestamp.required('Earliest event time in the block.'),
    max_time: col.timestamp.required('Latest event time in the block.'),
    rows: col.int64.required('Events in the block.'),
    scheme: col.int32.required('Version of the tokenizer and filter layout; an unknown one is scanned.'),
    bloom: col.string.nullable('The Bloom filter, base64; null when the range was not indexed.'),
  },
});

export type LogBlockRecord = RowOf<typeof logBlocksTable>;
