import { compileTql, parseTql, runCompiled, runTql, type TqlAnswer, type TqlResult } from '@tinsel/query';
import type { Store } from '@tinsel/store';
import { median } from '../report.ts';

export interface TqlFigures {
  query: string;
  millis: number[];
  median: number;
  /** Rows in the time range (row queries), or the rows the filter ran over. */
  scanned: number | null;
  total: number | null;
  rows: number;
  /** Why the query could not run, when it could not. */
  problem: string | null;
}

/**
 * Runs one TQL query `runs` times through `runTql` (parse, compile, run,
 * and for row queries the count of rows in range and matching) and keeps
 * the median. `index: false` compiles it without consulting the logs'
 * full-text index, to set a plain scan beside it.
 */
export async function timeTql(store: Store, query: string, options: { signal: 'requests' | 'logs'; from: number; to: number; limit: number; runs: number; index?: boolean }): Promise<TqlFigures> {
  const millis: number[] = [];
  let last: { scanned: number | null; total: number | null; rows: number } = { scanned: null, total: null, rows: 0 };
  try {
    for (let run = 0; run <= options.runs; run++) {
      const started = performance.now();
      const range = { signal: options.signal, from: options.from, to: options.to, limit: options.limit };
      const answer = options.index === false ? await withoutIndex(store, query, range) : await runTql(store, query, range);
      const elapsed = performance.now() - started;
      if (!answer.ok) return { query, millis, median: NaN, scanned: null, total: null, rows: 0, problem: JSON.stringify(answer) };
      // The first run warms caches and plans; it is not counted.
      if (run > 0) millis.push(elapsed);
      last = { scanned: answer.value.scanned, total: answer.value.total, rows: answer.value.rows.length };
    }
  } catch (error) {
    return { query, millis, median: NaN, scanned: null, total: null, rows: 0, problem: error instanceof Error ? error.message : String(error) };
  }
  return { query, millis, median: median(millis), ...last, problem: null };
}

async function withoutIndex(store: Store, query: string, range: { signal: 'requests' | 'logs'; from: number; to: number; limit: number }): Promise<TqlResult<TqlAnswer>> {
  const parsed = parseTql(query);
  if (!parsed.ok) return parsed;
  const compiled = compileTql(store.dialect, parsed.value, range);
  if (!compiled.ok) return compiled;
  return { ok: true, value: await runCompiled(store, compiled.value) };
}
