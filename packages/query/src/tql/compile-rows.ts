import { ident, join, sql, type Sql } from '@tinsel/store';
import { CURSOR_KEY, CURSOR_TIME, type CompiledTql, type OutputColumn } from './compiled-tql.ts';
import type { FilterContext } from './compile-filter.ts';
import { fieldExpr, resolveField } from './resolve-field.ts';
import { refuse } from './token-stream.ts';
import type { TqlFieldRef, TqlSortKey } from './tql-ast.ts';
import type { TqlCursor } from './tql-cursor.ts';

export interface RowsPlan {
  /** The time range on the signal's time column. */
  range: Sql;
  filter: Sql;
  fields: TqlFieldRef[] | null;
  sort: TqlSortKey[] | null;
  head: number | null;
  limit: number;
  cursor: TqlCursor | null;
}

/**
 * Matching records, newest first with a stable tiebreak so that a cursor
 * (last time + key) continues exactly where the page ended; or in the order
 * `sort` asks, paged by offset.
 */
export function compileRows(ctx: FilterContext, plan: RowsPlan): CompiledTql {
  const { dialect, catalogue } = ctx;
  const time = ident(catalogue.table.timeColumn);
  const { projection, columns } = project(ctx, plan.fields);
  const table = ident(catalogue.table.name);
  const from = sql`FROM ${ctx.source} WHERE ${plan.range} AND ${plan.filter}`;
  // Narrowed by the full-text index, the matches are counted in the scoped
  // stretches and the rows in range over the table (from its metadata).
  const count = ctx.scoped
    ? sql`SELECT (SELECT count(*) FROM ${table} WHERE ${plan.range}) AS scanned, (SELECT count(*) ${from}) AS total`
    : sql`SELECT count(*) AS scanned, count(CASE WHEN ${plan.filter} THEN 1 END) AS total FROM ${table} WHERE ${plan.range}`;
  const scannedOnly = sql`SELECT count(*) AS scanned FROM ${ident(catalogue.table.name)} WHERE ${plan.range}`;
  const pageSize = Math.min(plan.head ?? plan.limit, plan.limit);
  const firstPage = plan.cursor === null || (plan.sort !== null && plan.cursor.kind === 'offset' && plan.cursor.offset === 0);
  const base = { shape: 'rows' as const, columns, pageSize, spanSeconds: null, scannedOnly, firstPage };
  if (plan.sort) {
    const offset = plan.cursor?.kind === 'offset' ? plan.cursor.offset : 0;
    const paging = plan.head === null ? ('offset' as const) : ('none' as const);
    const fetch = paging === 'offset' ? pageSize + 1 : pageSize;
    const order = join([...plan.sort.map((key) => sortTerm(ctx, key)), sql`${time} DESC`]);
    return { ...base, sql: sql`SELECT ${projection} ${from} ORDER BY ${order} LIMIT ${fetch} OFFSET ${offset}`, count, hidden: [], fetch, paging, offset };
  }
  const key = dialect.rowKey(catalogue.tiebreak.map((c) => sql`${ident(c)}`));
  const after = plan.cursor?.kind === 'after' ? sql` AND (${time} < ${dialect.timestamp(plan.cursor.time)} OR (${time} = ${dialect.timestamp(plan.cursor.time)} AND ${key} < ${plan.cursor.key}))` : sql``;
  const paging = plan.head === null ? ('after' as const) : ('none' as const);
  const fetch = paging === 'after' ? pageSize + 1 : pageSize;
  const rows = (bound: Sql) => sql`SELECT ${projection}, ${time} AS ${ident(CURSOR_TIME)}, ${key} AS ${ident(CURSOR_KEY)} ${from}${after}${bound} ORDER BY ${time} DESC, ${ident(CURSOR_KEY)} DESC LIMIT ${fetch}`;
  const twoStep = dialect.twoStepRows
    ? { probe: sql`SELECT ${time} AS ${ident(CURSOR_TIME)} ${from}${after} ORDER BY ${time} DESC LIMIT ${fetch}`, bounded: (oldest: number) => rows(sql` AND ${time} >= ${dialect.timestamp(oldest)}`) }
    : undefined;
  return {
    ...base,
    sql: rows(sql``),
    ...(twoStep ? { twoStep } : {}),
    count,
    hidden: [CURSOR_TIME, CURSOR_KEY],
    fetch,
    paging,
    offset: 0,
  };
}

function project(ctx: FilterContext, fields: TqlFieldRef[] | null): { projection: Sql; columns: OutputColumn[] | null } {
  if (fields === null) return { projection: sql`*`, columns: null };
  const columns: OutputColumn[] = [];
  const exprs = fields.map((ref, i) => {
    const resolved = resolveField(ctx.catalogue, ref);
    if (!resolved.ok) refuse(resolved.reason, resolved.column, resolved.expected, resolved.kind);
    columns.push({ key: `c${i}`, label: ref.name });
    return sql`${fieldExpr(ctx.dialect, resolved.value)} AS ${ident(`c${i}`)}`;
  });
  return { projection: join(exprs), columns };
}

function sortTerm(ctx: FilterContext, key: TqlSortKey): Sql {
  const resolved = resolveField(ctx.catalogue, { name: key.name, column: key.column });
  if (!resolved.ok) refuse(resolved.reason, resolved.column, resolved.expected, resolved.kind);
  const expr = fieldExpr(ctx.dialect, resolved.value);
  return key.descending ? sql`${expr} DESC NULLS LAST` : sql`${expr} ASC NULLS LAST`;
}
