import type { ResultRow, Store } from '@tinsel/store';
import { compileTql, type CompileTqlOptions } from './compile-tql.ts';
import { CURSOR_KEY, CURSOR_TIME, type CompiledTql } from './compiled-tql.ts';
import { parseTql } from './parse-tql.ts';
import type { TqlQuery, TqlResult } from './tql-ast.ts';
import { encodeCursor, isoToMicros } from './tql-cursor.ts';
import { findTextScope } from './text-scope.ts';

/** What a query returned: a page of rows (or groups), the next cursor, and counts. */
export interface TqlAnswer {
  shape: CompiledTql['shape'];
  rows: ResultRow[];
  /** Null on the last page, or when the answer is not paged (stats, timechart, head). */
  cursor: string | null;
  /** Rows of the signal in the time range. */
  scanned: number | null;
  /** Rows matching the filter in the time range (row queries). */
  total: number | null;
  spanSeconds: number | null;
}

export interface RunTqlOptions extends CompileTqlOptions {
  /** Count the rows in range (and, for row queries, matching); default true. */
  count?: boolean;
}

/**
 * Parses (when given text), compiles and runs a query on a store. A logs
 * query that requires words first asks the full-text index which time
 * ranges can hold them (findTextScope) and reads only those.
 *
 * @example
 * const answer = await runTql(store, 'level:error "timeout"', { signal: 'logs', from, to, limit: 100 });
 * if (answer.ok) console.log(answer.value.total, answer.value.rows);
 */
export async function runTql(store: Store, query: string | TqlQuery, options: RunTqlOptions): Promise<TqlResult<TqlAnswer>> {
  const parsed = typeof query === 'string' ? parseTql(query) : { ok: true as const, value: query };
  if (!parsed.ok) return parsed;
  const textScope = await findTextScope(store, options.signal, parsed.value.filter, options.from, options.to);
  const compiled = compileTql(store.dialect, parsed.value, { ...options, textScope });
  if (!compiled.ok) return compiled;
  return { ok: true, value: await runCompiled(store, compiled.value, options.count ?? true) };
}

/** Runs a compiled query: a page of rows, the cursor after it, and the counts. */
export async function runCompiled(store: Store, compiled: CompiledTql, count = true): Promise<TqlAnswer> {
  const fetched = compiled.twoStep ? await fetchInTwoSteps(store, compiled.twoStep) : await store.query(compiled.sql);
  const more = compiled.paging !== 'none' && fetched.length > compiled.pageSize;
  const page = fetched.slice(0, compiled.pageSize);
  const cursor = more ? nextCursor(compiled, page) : null;
  let scanned: number | null = null;
  let total: number | null = null;
  if (count) {
    // A first page short of its size holds every match: counting them again would run the filter a second time.
    const complete = compiled.shape === 'rows' && compiled.firstPage && fetched.length < compiled.fetch;
    const [counts] = await store.query(complete ? compiled.scannedOnly : compiled.count);
    scanned = Number(counts?.scanned ?? 0);
    total = complete ? page.length : counts?.total === undefined ? null : Number(counts.total);
  }
  return { shape: compiled.shape, rows: page.map((row) => reshape(compiled, row)), cursor, scanned, total, spanSeconds: compiled.spanSeconds };
}

/** The times of the page first, then its rows from the oldest of those times on (see CompiledTql.twoStep). */
async function fetchInTwoSteps(store: Store, twoStep: NonNullable<CompiledTql['twoStep']>): Promise<ResultRow[]> {
  const times = (await store.query(twoStep.probe)).map((row) => (typeof row[CURSOR_TIME] === 'string' ? isoToMicros(row[CURSOR_TIME]) : null));
  if (times.length === 0) return [];
  if (times.some((t) => t === null)) throw new Error('a probed row time did not read as a timestamp');
  return store.query(twoStep.bounded(Math.min(...(times as number[]))));
}

function nextCursor(compiled: CompiledTql, page: ResultRow[]): string | null {
  if (compiled.paging === 'offset') return encodeCursor({ kind: 'offset', offset: compiled.offset + page.length });
  const last = page[page.length - 1];
  const time = typeof last?.[CURSOR_TIME] === 'string' ? isoToMicros(last[CURSOR_TIME]) : null;
  if (!last || time === null) return null;
  return encodeCursor({ kind: 'after', time, key: String(last[CURSOR_KEY]) });
}

function reshape(compiled: CompiledTql, row: ResultRow): ResultRow {
  for (const name of compiled.hidden) delete row[name];
  if (compiled.columns === null) return row;
  const out: ResultRow = {};
  for (const column of compiled.columns) out[column.label] = row[column.key] ?? null;
  return out;
}
