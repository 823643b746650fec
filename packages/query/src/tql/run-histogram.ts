import type { Signal } from '@tinsel/model';
import type { Store } from '@tinsel/store';
import { autoInterval } from './auto-interval.ts';
import { compileTql } from './compile-tql.ts';
import { runCompiled } from './run-tql.ts';
import type { TqlQuery, TqlResult } from './tql-ast.ts';
import { isoToMicros } from './tql-cursor.ts';
import { findTextScope } from './text-scope.ts';

export interface HistogramOptions {
  signal: Signal;
  from: number;
  to: number;
  /** Bucket size in seconds; chosen from the range when absent. */
  intervalSeconds?: number | null;
  nowMs?: number;
}

export interface Histogram {
  intervalSeconds: number;
  /** Every bucket from the one holding `from` to the one holding `to`, empty ones included. */
  buckets: { time: string; count: number }[];
  /** Rows matching over the whole range. */
  total: number;
}

/**
 * How many rows match per time bucket, as Discover draws above its
 * results: the query's filter only (its pipes are for the table, not the
 * chart), every bucket present so the chart has no gaps. Words in a logs
 * query are looked up in the full-text index first, as runTql does.
 *
 * @example
 * await runHistogram(store, parseTql('level:error').value, { signal: 'logs', from, to })
 */
export async function runHistogram(store: Store, query: TqlQuery, options: HistogramOptions): Promise<TqlResult<Histogram>> {
  const span = options.intervalSeconds ?? autoInterval(options.from, options.to);
  const chart: TqlQuery = { text: query.text, filter: query.filter, pipes: [{ kind: 'timechart', spanSeconds: span, aggs: [{ fn: 'count', field: null, name: 'count', column: 1 }], by: [], column: 1 }] };
  const textScope = await findTextScope(store, options.signal, query.filter, options.from, options.to);
  const compiled = compileTql(store.dialect, chart, { signal: options.signal, from: options.from, to: options.to, limit: 1, nowMs: options.nowMs, textScope });
  if (!compiled.ok) return compiled;
  const answer = await runCompiled(store, compiled.value, false);
  const counts = new Map<number, number>();
  for (const row of answer.rows) {
    const micros = typeof row.time === 'string' ? isoToMicros(row.time) : null;
    if (micros !== null) counts.set(micros, Number(row.count));
  }
  const step = span * 1_000_000;
  const buckets: Histogram['buckets'] = [];
  for (let t = Math.floor(options.from / step) * step; t < options.to; t += step) buckets.push({ time: microsToIso(t), count: counts.get(t) ?? 0 });
  return { ok: true, value: { intervalSeconds: span, buckets, total: [...counts.values()].reduce((a, b) => a + b, 0) } };
}

function microsToIso(micros: number): string {
  const seconds = Math.floor(micros / 1_000_000);
  return `${new Date(seconds * 1000).toISOString().slice(0, 19)}.${String(micros - seconds * 1_000_000).padStart(6, '0')}Z`;
}
