import { requestsTable, type RequestRecord } from '@tinsel/model';

const names = Object.keys(requestsTable.columns);
const types = names.map((n) => requestsTable.columns[n as keyof typeof requestsTable.columns].type);

function microsToText(micros: number): string {
  const ms = Math.floor(micros / 1000);
  const frac = String(micros - ms * 1000).padStart(3, '0');
  return `${new Date(ms).toISOString().slice(0, 23).replace('T', ' ')}${frac}`;
}

function field(value: unknown, type: string): string {
  if (value === null || value === undefined) return '\\N';
  if (type === 'timestamp') return microsToText(value as number);
  if (type === 'trace_id') {
    const h = value as string;
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  if (typeof value !== 'string') return String(value);
  return /[\t\n\r"\\]/.test(value) || value === '' ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows as tab-separated text in column order, `\N` for null: the input of DuckDB's COPY. */
export function toTsv(rows: readonly RequestRecord[]): string {
  const out: string[] = [];
  for (const row of rows) {
    const record = row as unknown as Record<string, unknown>;
    out.push(names.map((n, i) => field(record[n], types[i]!)).join('\t'));
  }
  return `${out.join('\n')}\n`;
}
