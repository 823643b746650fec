import { tables } from '@tinsel/model';
import type { ResultRow } from '@tinsel/store';
import { dateTimeTextToIso, decimalSecondsToIso } from './micros-text.ts';

/** ClickHouse's JSONCompact answer: column names and types, then rows as arrays. */
export interface JsonCompactResult {
  meta: { name: string; type: string }[];
  data: unknown[][];
}

type Decoder = (value: unknown) => unknown;

// Old servers have no Bool type: a UInt8 result column carrying a bool
// column's name is that column.
const boolColumns = new Set(
  Object.values(tables).flatMap((t) => Object.entries(t.columns).filter(([, spec]) => spec.type === 'bool').map(([name]) => name)),
);

function unwrap(type: string): string {
  const match = /^(?:Nullable|LowCardinality)\((.*)\)$/.exec(type);
  return match ? unwrap(match[1]!) : type;
}

function integer(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
}

function decoderFor(type: string, name: string): Decoder {
  const t = unwrap(type);
  if (/^U?Int(64|128|256)$/.test(t)) return integer;
  if (t === 'Decimal(18, 6)' || t === 'Decimal64(6)') return (v) => decimalSecondsToIso(v as number);
  if (t.startsWith('DateTime')) return (v) => dateTimeTextToIso(v as string);
  if (t === 'Bool') return (v) => v === true || v === 1 || v === 'true';
  if (t === 'UInt8' && boolColumns.has(name)) return (v) => v === 1 || v === true;
  const array = /^Array\((.*)\)$/.exec(t);
  if (array) {
    const element = decoderFor(array[1]!, '');
    return (v) => (v as unknown[]).map((e) => (e === null ? null : element(e)));
  }
  return (v) => v;
}

/**
 * Rows in Tinsel's result form: 64-bit integers as numbers when safe,
 * timestamps (Decimal64(6) seconds or DateTime64) as ISO-8601 with six
 * fraction digits, bools as booleans, SQL NULL as null.
 */
export function decodeResult(result: JsonCompactResult): ResultRow[] {
  const decoders = result.meta.map((m) => decoderFor(m.type, m.name));
  return result.data.map((values) => {
    const row: ResultRow = {};
    result.meta.forEach((m, i) => {
      const value = values[i];
      row[m.name] = (value === null || value === undefined ? null : decoders[i]!(value)) as ResultRow[string];
    });
    return row;
  });
}
