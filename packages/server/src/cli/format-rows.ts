import type { Signal } from '@tinsel/model';
import type { ResultRow } from '@tinsel/store';

export type RowFormat = 'table' | 'json' | 'csv';

/** Whole records have dozens of columns; a terminal table shows these, the other formats keep every one. */
const TABLE_COLUMNS: Record<Signal, string[]> = {
  requests: ['time', 'elb_status_code', 'request_method', 'request_path', 'target_processing_time', 'instance_id', 'trace_id'],
  spans: ['start_time', 'service', 'name', 'duration_ms', 'status', 'trace_id'],
  logs: ['timestamp', 'level', 'service', 'message', 'trace_id'],
};
const MAX_CELL = 80;
/** Fewer columns than any table has: a row this wide is a whole record, not chosen fields. */
const WHOLE_RECORD_COLUMNS = 11;

/**
 * Rows as text: `json` one object per line, `csv` with a header (RFC 4180
 * quoting), `table` padded columns with long cells cut.
 */
export function formatRows(rows: readonly ResultRow[], format: RowFormat, signal: Signal): string {
  if (format === 'json') return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
  const columns = columnsOf(rows, format === 'table' ? signal : null);
  if (format === 'csv') return [columns, ...rows.map((row) => columns.map((c) => cellText(row[c])))].map((cells) => `${cells.map(csvCell).join(',')}\n`).join('');
  if (rows.length === 0) return '';
  const cells = rows.map((row) => columns.map((c) => cut(cellText(row[c]))));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: string[]) => `${values.map((v, i) => (i === values.length - 1 ? v : v.padEnd(widths[i]!))).join('  ')}\n`;
  return line(columns) + cells.map(line).join('');
}

function columnsOf(rows: readonly ResultRow[], signal: Signal | null): string[] {
  const all = Object.keys(rows[0] ?? {});
  // Whole records (every column of the table) get the short list; chosen fields and stats keep their own columns.
  const wholeRecords = signal !== null && all.length >= WHOLE_RECORD_COLUMNS && TABLE_COLUMNS[signal].every((c) => all.includes(c));
  return wholeRecords ? TABLE_COLUMNS[signal] : all;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function cut(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > MAX_CELL ? `${flat.slice(0, MAX_CELL - 1)}…` : flat;
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
