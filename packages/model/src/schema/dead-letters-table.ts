import { col } from './column.ts';
import { defineTable, type RowOf } from './table.ts';

/** Input that could not be ingested, kept with the reason and where it came from. */
export const deadLettersTable = defineTable({
  name: 'dead_letters',
  timeColumn: 'received_at',
  doc: 'Rejected lines, datagrams and events with their reason and position.',
  columns: {
    received_at: col.timestamp.required('When Tinsel rejected it.'),
    signal: col.string.required('requests, spans or logs.', { lowCardinality: true }),
    source: col.string.required('File path, S3 key, endpoint.', { lowCardinality: true }),
    position: col.int64.nullable('1-based line number, or index in the batch.'),
    reason: col.string.required('Why it was rejected.', { lowCardinality: true }),
    raw: col.string.required('The rejected input, truncated to 64 KiB.'),
  },
});

export type DeadLetterRecord = RowOf<typeof deadLettersTable>;
