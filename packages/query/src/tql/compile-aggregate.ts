import { ident, join, sql, type Sql } from '@tinsel/store';
import type { CompiledTql, OutputColumn } from './compiled-tql.ts';
import type { FilterContext } from './compile-filter.ts';
import { fieldExpr, resolveField, type ResolvedField } from './resolve-field.ts';
import { refuse } from './token-stream.ts';
import type { TqlAgg, TqlFieldRef, TqlPipe, TqlSortKey } from './tql-ast.ts';

/** Most rows a stats or timechart answer may hold (a timechart has one row per bucket and series). */
export const MAX_AGGREGATE_ROWS = 10_000;

export interface AggregatePlan {
  range: Sql;
  filter: Sql;
  pipe: Extract<TqlPipe, { kind: 'stats' | 'timechart' }>;
  /** Bucket size of a timechart (already chosen when the query said `auto`). */
  spanSeconds: number | null;
  sort: TqlSortKey[] | null;
  head: number | null;
  limit: number;
}

/**
 * `stats aggs by fields` and `timechart span aggs by field` as GROUP BY
 * queries. Result columns are aliased `b0…`, `a0…` and renamed after the
 * query, so no name the user typed is ever SQL text.
 */
export function compileAggregate(ctx: FilterContext, plan: AggregatePlan): CompiledTql {
  const columns: OutputColumn[] = [];
  const select: Sql[] = [];
  const groups: Sql[] = [];
  const timechart = plan.pipe.kind === 'timechart';
  if (timechart) {
    select.push(sql`${ctx.dialect.timeBucket(sql`${ident(ctx.catalogue.table.timeColumn)}`, plan.spanSeconds!)} AS ${ident('t')}`);
    columns.push({ key: 't', label: 'time' });
    groups.push(sql`${ident('t')}`);
  }
  plan.pipe.by.forEach((ref, i) => {
    select.push(sql`${fieldExpr(ctx.dialect, resolve(ctx, ref))} AS ${ident(`b${i}`)}`);
    columns.push({ key: `b${i}`, label: ref.name });
    groups.push(sql`${ident(`b${i}`)}`);
  });
  plan.pipe.aggs.forEach((agg, i) => {
    select.push(sql`${aggExpr(ctx, agg)} AS ${ident(`a${i}`)}`);
    columns.push({ key: `a${i}`, label: agg.name });
  });
  const order = plan.sort ? plan.sort.map((key) => sortTerm(columns, key)) : defaultOrder(columns, timechart);
  const pageSize = Math.min(plan.head ?? (timechart ? MAX_AGGREGATE_ROWS : plan.limit), MAX_AGGREGATE_ROWS);
  const groupBy = groups.length > 0 ? sql` GROUP BY ${join(groups)}` : sql``;
  const text = sql`SELECT ${join(select)} FROM ${ctx.source} WHERE ${plan.range} AND ${plan.filter}${groupBy} ORDER BY ${join(order)} LIMIT ${pageSize}`;
  const count = sql`SELECT count(*) AS scanned FROM ${ident(ctx.catalogue.table.name)} WHERE ${plan.range}`;
  return { shape: plan.pipe.kind, sql: text, count, scannedOnly: count, firstPage: true, columns, hidden: [], fetch: pageSize, pageSize, paging: 'none', offset: 0, spanSeconds: plan.spanSeconds };
}

function resolve(ctx: FilterContext, ref: TqlFieldRef): ResolvedField {
  const resolved = resolveField(ctx.catalogue, ref);
  if (!resolved.ok) refuse(resolved.reason, resolved.column, resolved.expected, resolved.kind);
  return resolved.value;
}

const QUANTILES: Record<string, number> = { p50: 0.5, p90: 0.9, p95: 0.95, p99: 0.99 };

function aggExpr(ctx: FilterContext, agg: TqlAgg): Sql {
  const { dialect } = ctx;
  if (agg.field === null) return sql`count(*)`;
  const resolved = resolve(ctx, agg.field);
  const expr = fieldExpr(dialect, resolved);
  const type = resolved.path.length > 0 ? 'json-member' : resolved.field.type;
  if (agg.fn === 'count') return sql`count(${expr})`;
  if (agg.fn === 'count_distinct') return dialect.countDistinct(expr);
  if (type === 'json' || type === 'bool' || type === 'trace_id') refuse(`${agg.fn}(${agg.field.name}) at column ${agg.column}: ${agg.field.name} holds no numbers`, agg.field.column, 'a numeric field');
  const numeric = type === 'json-member' ? dialect.toNumber(expr) : expr;
  if (agg.fn === 'min' || agg.fn === 'max') return agg.fn === 'min' ? sql`min(${numeric})` : sql`max(${numeric})`;
  if (type !== 'number' && type !== 'json-member') refuse(`${agg.fn}(${agg.field.name}) at column ${agg.column}: ${agg.field.name} holds no numbers`, agg.field.column, 'a numeric field');
  if (agg.fn === 'sum') return sql`sum(${numeric})`;
  if (agg.fn === 'avg') return sql`avg(${numeric})`;
  return dialect.quantile(numeric, QUANTILES[agg.fn]!);
}

function sortTerm(columns: OutputColumn[], key: TqlSortKey): Sql {
  const column = columns.find((c) => c.label === key.name);
  if (!column) refuse(`sort: "${key.name}" at column ${key.column} is not a result column; expected one of ${columns.map((c) => c.label).join(', ')}`, key.column, `one of ${columns.map((c) => c.label).join(', ')}`);
  return key.descending ? sql`${ident(column.key)} DESC NULLS LAST` : sql`${ident(column.key)} ASC NULLS LAST`;
}

function defaultOrder(columns: OutputColumn[], timechart: boolean): Sql[] {
  if (timechart) return columns.filter((c) => !c.key.startsWith('a')).map((c) => sql`${ident(c.key)} ASC NULLS LAST`);
  // stats: the largest first, as a "top" list reads.
  const first = columns.find((c) => c.key.startsWith('a'))!;
  return [sql`${ident(first.key)} DESC NULLS LAST`, ...columns.filter((c) => c.key.startsWith('b')).map((c) => sql`${ident(c.key)} ASC NULLS LAST`)];
}
