import type { DuckDBResultReader } from '@duckdb/node-api';
import type { ResultRow } from '@tinsel/store';

type Convert = (value: unknown) => unknown;

const timestampText = /^(\S+) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?$/;

/** `2018-07-02 22:23:00.18` → `2018-07-02T22:23:00.180000Z`: one fixed width, sortable as text. */
const isoTimestamp: Convert = (v) => {
  if (typeof v !== 'string') return v;
  const m = timestampText.exec(v);
  return m ? `${m[1]}T${m[2]}.${(m[3] ?? '').padEnd(6, '0')}Z` : v;
};
const hexTraceId: Convert = (v) => (typeof v === 'string' ? v.replace(/-/g, '') : v);
// BIGINT arrives as a string so that nothing is rounded; numbers are friendlier when exact.
const safeInteger: Convert = (v) => {
  if (typeof v !== 'string') return v;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
};

function converterFor(typeName: string): Convert | null {
  if (typeName === 'TIMESTAMP') return isoTimestamp;
  if (typeName === 'UUID') return hexTraceId;
  if (typeName === 'BIGINT' || typeName === 'HUGEINT' || typeName === 'UBIGINT') return safeInteger;
  return null;
}

/** Rows as plain JSON-able objects in the shape every Store returns. */
export function readResult(result: DuckDBResultReader): ResultRow[] {
  const names = result.columnNames();
  const converters = result.columnTypes().map((t) => converterFor(String(t)));
  const rows = result.getRowObjectsJson() as unknown as ResultRow[];
  for (const row of rows) {
    names.forEach((name, i) => {
      const convert = converters[i];
      if (convert) row[name] = convert(row[name]) as ResultRow[string];
    });
  }
  return rows;
}
