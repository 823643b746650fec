import type { Signal } from '@tinsel/model';
import type { Store } from '@tinsel/store';
import { catalogueFor, type FieldType } from './field-catalogue.ts';
import { runTql } from './run-tql.ts';
import type { TqlQuery, TqlResult } from './tql-ast.ts';

/** One field for a search sidebar: what it is, how often the sample has it, its commonest values. */
export interface FieldSummary {
  name: string;
  type: FieldType;
  aliases: readonly string[];
  doc: string;
  /** Rows of the sample with a value (null for computed fields, which a sample of records does not hold). */
  present: number | null;
  top: { value: string | number | boolean; count: number }[];
}

export interface FieldsOptions {
  signal: Signal;
  from: number;
  to: number;
  /** Rows sampled, newest first; Discover samples 500. */
  sample?: number;
  nowMs?: number;
}

const TOP = 5;
const MAX_DEPTH = 3;
/** Members listed per JSON field: free-form properties can hold thousands of keys. */
const MAX_MEMBERS = 200;

/**
 * The signal's fields with their top values in a sample of the newest
 * matching rows, and the members found inside its JSON fields
 * (`properties.OrderId`), as Kibana's Discover sidebar shows them.
 *
 * @example
 * await summarizeFields(store, parseTql('').value, { signal: 'logs', from, to })
 */
export async function summarizeFields(store: Store, query: TqlQuery, options: FieldsOptions): Promise<TqlResult<{ sampled: number; fields: FieldSummary[] }>> {
  const rowsOnly: TqlQuery = { ...query, pipes: [] };
  const answer = await runTql(store, rowsOnly, { signal: options.signal, from: options.from, to: options.to, limit: options.sample ?? 500, count: false, nowMs: options.nowMs });
  if (!answer.ok) return answer;
  const rows = answer.value.rows;
  const fields: FieldSummary[] = [];
  for (const field of catalogueFor(options.signal).fields) {
    const inRows = rows.length === 0 || field.name in rows[0]!;
    const values = inRows ? rows.map((row) => row[field.name]) : [];
    fields.push({ name: field.name, type: field.type, aliases: field.aliases, doc: field.doc, present: inRows ? values.filter((v) => v !== null && v !== undefined).length : null, top: field.type === 'json' ? [] : topValues(values) });
    if (field.type === 'json') fields.push(...jsonMembers(field.name, values));
  }
  return { ok: true, value: { sampled: rows.length, fields } };
}

function topValues(values: readonly unknown[]): FieldSummary['top'] {
  const counts = new Map<string | number | boolean, number>();
  for (const value of values) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([value, count]) => ({ value, count }));
}

/** Members of a JSON field seen in the sample, nested objects flattened to dotted paths. */
function jsonMembers(name: string, texts: readonly unknown[]): FieldSummary[] {
  const members = new Map<string, unknown[]>();
  for (const text of texts) {
    if (typeof text !== 'string') continue;
    try {
      collect(name, JSON.parse(text) as unknown, members, 0);
    } catch {
      // A member that is not JSON adds nothing to the sidebar.
    }
  }
  return [...members].map(([path, values]) => ({ name: path, type: 'string' as const, aliases: [], doc: `A member of ${name}.`, present: values.length, top: topValues(values) }));
}

function collect(path: string, value: unknown, members: Map<string, unknown[]>, depth: number): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && depth < MAX_DEPTH) {
    for (const [key, inner] of Object.entries(value)) collect(`${path}.${key}`, inner, members, depth + 1);
    return;
  }
  if (depth === 0) return;
  if (!members.has(path) && members.size >= MAX_MEMBERS) return;
  const list = members.get(path) ?? [];
  list.push(Array.isArray(value) ? JSON.stringify(value) : value);
  members.set(path, list);
}
