import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { fail, ok, type Result } from '@tinsel/model';
import { parseCsv } from './parse-csv.ts';
import type { TableRow } from './table-row.ts';

/**
 * A lookup table file after decoding: plain rows, or the document
 * `aws ec2 describe-instances` prints (recognised by its Reservations key).
 */
export type DecodedTable = { kind: 'rows'; rows: TableRow[] } | { kind: 'describe-instances'; document: Record<string, unknown> };

/**
 * Decodes a table file by its extension: CSV with a header row, or a JSON or
 * YAML list of objects. JSON and YAML holding a describe-instances document
 * are passed through whole for the instance reader.
 *
 * @example
 * decodeTableFile('domain,tenant\nacme.example,acme\n', 'tenants.csv');
 * // → ok({ kind: 'rows', rows: [{ where: 'line 2', cells: Map { 'domain' → 'acme.example', 'tenant' → 'acme' } }] })
 */
export function decodeTableFile(text: string, file: string): Result<DecodedTable> {
  // A file caught half-written (truncated, not yet filled) reads as empty;
  // refusing it keeps the previous table instead of dropping every entry.
  if (text.trim() === '') return fail('file is empty (write a header row, or [], for an empty table)');
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return decodeCsv(text);
  let document: unknown;
  try {
    // YAML is read with the failsafe schema so that `app_version: 1.10` stays
    // "1.10" and does not become the number 1.1.
    document = ext === '.json' ? JSON.parse(text) : parseYaml(text, { schema: 'failsafe' });
  } catch (error) {
    return fail(`not valid ${ext === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (typeof document === 'object' && document !== null && !Array.isArray(document) && 'Reservations' in document) {
    return ok({ kind: 'describe-instances', document: document as Record<string, unknown> });
  }
  if (!Array.isArray(document)) return fail('expected a list of objects (or describe-instances output)');
  return decodeEntries(document, ext === '.json' ? noNullWords : yamlNullWords);
}

function decodeCsv(text: string): Result<DecodedTable> {
  const parsed = parseCsv(text);
  if (!parsed.ok) return parsed;
  const [header, ...records] = parsed.value;
  if (header === undefined) return ok({ kind: 'rows', rows: [] });
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const rows: TableRow[] = [];
  for (const record of records) {
    if (record.fields.length !== names.length) {
      return fail(`line ${record.line}: expected ${names.length} fields as in the header, got ${record.fields.length}`);
    }
    const cells = new Map<string, string | null>();
    names.forEach((name, i) => cells.set(name, emptyToNull(record.fields[i] ?? '')));
    rows.push({ where: `line ${record.line}`, cells });
  }
  return ok({ kind: 'rows', rows });
}

function decodeEntries(entries: unknown[], nullWords: ReadonlySet<string>): Result<DecodedTable> {
  const rows: TableRow[] = [];
  for (const [index, entry] of entries.entries()) {
    const where = `entry ${index + 1}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return fail(`${where}: expected an object`);
    const cells = new Map<string, string | null>();
    for (const [name, value] of Object.entries(entry)) {
      if (value === null || value === undefined) cells.set(name.toLowerCase(), null);
      else if (typeof value === 'string') cells.set(name.toLowerCase(), nullWords.has(value) ? null : emptyToNull(value));
      else if (typeof value === 'number' || typeof value === 'boolean') cells.set(name.toLowerCase(), String(value));
      else return fail(`${where}: ${name}: expected a string, number or null`);
    }
    rows.push({ where, cells });
  }
  return ok({ kind: 'rows', rows });
}

// The failsafe schema leaves YAML's null spellings as text; in JSON "null" in quotes is text.
const yamlNullWords: ReadonlySet<string> = new Set(['~', 'null', 'Null', 'NULL']);
const noNullWords: ReadonlySet<string> = new Set();

function emptyToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
