import type { Signal } from '@tinsel/model';
import { ident, sql, type Dialect } from '@tinsel/store';
import { autoInterval } from './auto-interval.ts';
import { compileAggregate, MAX_AGGREGATE_ROWS } from './compile-aggregate.ts';
import { compileFilter, type FilterContext } from './compile-filter.ts';
import { compileRows } from './compile-rows.ts';
import type { CompiledTql } from './compiled-tql.ts';
import { catalogueFor } from './field-catalogue.ts';
import { refuse, TqlSyntaxError } from './token-stream.ts';
import type { TqlPipe, TqlQuery, TqlResult } from './tql-ast.ts';
import type { TqlCursor } from './tql-cursor.ts';
import { scopedSource, type TextScope } from './text-scope.ts';

export interface CompileTqlOptions {
  signal: Signal;
  /** Epoch microseconds, inclusive. */
  from: number;
  /** Epoch microseconds, exclusive. */
  to: number;
  /** Rows in a page (row queries) or groups (stats). */
  limit: number;
  cursor?: TqlCursor | null;
  /** The clock relative times inside the query (`time:>-5m`) are read against; defaults to now. */
  nowMs?: number;
  /** Time ranges the full-text index left to scan (findTextScope); absent or null reads the whole range. */
  textScope?: TextScope | null;
}

/**
 * Compiles a parsed query for one signal and time range into the Sql IR.
 * The time range always applies to the signal's time column. Refuses,
 * with the column, an unknown field (naming the nearest known one), a value
 * the field cannot hold, or pipes in an order that means nothing.
 *
 * @example
 * const q = parseTql('status:>=500 | stats count() by path');
 * if (q.ok) compileTql(store.dialect, q.value, { signal: 'requests', from, to, limit: 100 });
 */
export function compileTql(dialect: Dialect, query: TqlQuery, options: CompileTqlOptions): TqlResult<CompiledTql> {
  try {
    return { ok: true, value: compileOrRefuse(dialect, query, options) };
  } catch (error) {
    if (error instanceof TqlSyntaxError) return { ok: false, ...error.problem };
    throw error;
  }
}

function compileOrRefuse(dialect: Dialect, query: TqlQuery, options: CompileTqlOptions): CompiledTql {
  const catalogue = catalogueFor(options.signal);
  const time = ident(catalogue.table.timeColumn);
  const scope = options.textScope ?? null;
  const source = scope === null ? sql`${ident(catalogue.table.name)}` : scopedSource(catalogue.table.name, catalogue.table.timeColumn, scope, (micros) => dialect.timestamp(micros));
  const ctx: FilterContext = { dialect, catalogue, nowMs: options.nowMs ?? Date.now(), source, scoped: scope !== null };
  const range = sql`${time} >= ${dialect.timestamp(options.from)} AND ${time} < ${dialect.timestamp(options.to)}`;
  const filter = compileFilter(ctx, query.filter);
  const plan = planPipes(query.pipes);
  if (plan.aggregate) {
    const spanSeconds = plan.aggregate.kind === 'timechart' ? (plan.aggregate.spanSeconds ?? autoInterval(options.from, options.to)) : null;
    if (spanSeconds !== null && (options.to - options.from) / 1e6 / spanSeconds > MAX_AGGREGATE_ROWS) {
      refuse(`timechart: a ${spanSeconds}s span makes more than ${MAX_AGGREGATE_ROWS} buckets over this time range`, plan.aggregate.column, 'a longer span, or auto');
    }
    return compileAggregate(ctx, { range, filter, pipe: plan.aggregate, spanSeconds, sort: plan.sort, head: plan.head, limit: options.limit });
  }
  return compileRows(ctx, { range, filter, fields: plan.fields, sort: plan.sort, head: plan.head, limit: options.limit, cursor: options.cursor ?? null });
}

interface PipePlan {
  aggregate: Extract<TqlPipe, { kind: 'stats' | 'timechart' }> | null;
  fields: Extract<TqlPipe, { kind: 'fields' }>['fields'] | null;
  sort: Extract<TqlPipe, { kind: 'sort' }>['keys'] | null;
  head: number | null;
}

/** Pipes run left to right: `fields` before any stats, `sort` after it, one stats or timechart, the smallest `head` wins. */
function planPipes(pipes: readonly TqlPipe[]): PipePlan {
  const plan: PipePlan = { aggregate: null, fields: null, sort: null, head: null };
  for (const pipe of pipes) {
    if (pipe.kind === 'stats' || pipe.kind === 'timechart') {
      if (plan.aggregate) refuse(`only one stats or timechart per query (column ${pipe.column})`, pipe.column, 'sort, head or the end of the query');
      if (plan.sort) refuse(`${pipe.kind} at column ${pipe.column} comes after sort; sort its results instead`, pipe.column, 'sort after stats');
      plan.aggregate = pipe;
      plan.fields = null;
    } else if (pipe.kind === 'fields') {
      if (plan.aggregate) refuse(`fields at column ${pipe.column} comes after ${plan.aggregate.kind}; its result columns are already chosen`, pipe.column, 'sort, head or the end of the query');
      plan.fields = pipe.fields;
    } else if (pipe.kind === 'sort') {
      plan.sort = pipe.keys;
    } else {
      plan.head = Math.min(plan.head ?? pipe.count, pipe.count);
    }
  }
  return plan;
}
