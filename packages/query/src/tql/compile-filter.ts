import { parseAnyTraceId } from '@tinsel/model';
import { ident, join, sql, type Dialect, type Sql } from '@tinsel/store';
import { parseTime } from '../parse-time.ts';
import type { SignalCatalogue } from './field-catalogue.ts';
import { fullTextMatch } from './full-text-match.ts';
import { containsPattern, likePattern } from './like-pattern.ts';
import { fieldExpr, resolveField, type ResolvedField } from './resolve-field.ts';
import { refuse } from './token-stream.ts';
import type { CompareOp, TqlFieldRef, TqlFilter, TqlValue } from './tql-ast.ts';

export interface FilterContext {
  dialect: Dialect;
  catalogue: SignalCatalogue;
  nowMs: number;
  /** What the rows are read from: the signal's table, or the stretches of it the full-text index leaves (see text-scope.ts). */
  source: Sql;
  /** True when `source` is narrowed by the full-text index rather than the whole table. */
  scoped: boolean;
}

/**
 * A filter as a SQL predicate. Every value the user typed becomes a
 * parameter; identifiers come only from the catalogue. Throws (via
 * `refuse`) on an unknown field or a value the field cannot hold.
 */
export function compileFilter(ctx: FilterContext, filter: TqlFilter): Sql {
  switch (filter.kind) {
    case 'all':
      return sql`TRUE`;
    case 'and':
      return sql`(${join(filter.items.map((f) => compileFilter(ctx, f)), sql` AND `)})`;
    case 'or':
      return sql`(${join(filter.items.map((f) => compileFilter(ctx, f)), sql` OR `)})`;
    case 'not':
      // A row without the field matches NOT field:x, as in Lucene: NULL counts as false before negating.
      return sql`(NOT coalesce(${compileFilter(ctx, filter.item)}, FALSE))`;
    case 'text':
      return fullTextMatch(ctx.dialect, ctx.catalogue, filter.value);
    case 'trace':
      return sql`${ident('trace_id')} = ${ctx.dialect.traceId(filter.traceId)}`;
    case 'exists':
      return sql`${fieldExpr(ctx.dialect, resolve(ctx, filter.field))} IS NOT NULL`;
    case 'match':
      return compileMatch(ctx, resolve(ctx, filter.field), filter.value);
    case 'compare':
      return compileCompare(ctx, resolve(ctx, filter.field), filter.op, filter.value);
    case 'range':
      return compileRange(ctx, filter);
  }
}

function resolve(ctx: FilterContext, ref: TqlFieldRef): ResolvedField {
  const resolved = resolveField(ctx.catalogue, ref);
  if (!resolved.ok) refuse(resolved.reason, resolved.column, resolved.expected, resolved.kind);
  return resolved.value;
}

function compileMatch(ctx: FilterContext, resolved: ResolvedField, value: TqlValue): Sql {
  const { dialect } = ctx;
  const expr = fieldExpr(dialect, resolved);
  const type = resolved.path.length > 0 ? 'string' : resolved.field.type;
  if (value.wildcard) {
    const textual = type === 'string' || type === 'json' ? expr : dialect.toText(expr);
    return resolved.field.text || type === 'json' ? dialect.like(textual, containsPattern(value), true) : dialect.like(textual, likePattern(value), false);
  }
  if (type === 'number') {
    const statusClass = /^([1-5])xx$/i.exec(value.text);
    if (statusClass) return sql`${expr} BETWEEN ${Number(statusClass[1]) * 100} AND ${Number(statusClass[1]) * 100 + 99}`;
  }
  if (resolved.field.text || (type === 'json' && resolved.path.length === 0)) return dialect.containsText(expr, value.text);
  return sql`${expr} = ${typedValue(ctx, resolved, value, type)}`;
}

function compileCompare(ctx: FilterContext, resolved: ResolvedField, op: CompareOp, value: TqlValue): Sql {
  const { dialect } = ctx;
  let expr = fieldExpr(dialect, resolved);
  let type = resolved.field.type;
  if (resolved.path.length > 0) {
    // A JSON member compares as a number when the value is one, else as text.
    const numeric = isNumber(value.text);
    if (numeric) expr = dialect.toNumber(expr);
    type = numeric ? 'number' : 'string';
  }
  if (type === 'bool' || type === 'trace_id' || type === 'json') refuse(`${resolved.label} cannot be compared with ${op} at column ${value.column}`, value.column, `a field holding numbers, times or text`);
  return sql`${expr} ${operator(op)} ${typedValue(ctx, resolved, value, type)}`;
}

function compileRange(ctx: FilterContext, filter: Extract<TqlFilter, { kind: 'range' }>): Sql {
  const resolved = resolve(ctx, filter.field);
  const parts: Sql[] = [];
  if (filter.lower) parts.push(compileCompare(ctx, resolved, filter.lowerInclusive ? '>=' : '>', filter.lower));
  if (filter.upper) parts.push(compileCompare(ctx, resolved, filter.upperInclusive ? '<=' : '<', filter.upper));
  if (parts.length === 0) return sql`${fieldExpr(ctx.dialect, resolved)} IS NOT NULL`;
  return sql`(${join(parts, sql` AND `)})`;
}

const OPS: Record<CompareOp, Sql> = { '>': sql`>`, '>=': sql`>=`, '<': sql`<`, '<=': sql`<=` };

/** One of four fixed operator texts, chosen by the parser's token, never the user's text. */
function operator(op: CompareOp): Sql {
  return OPS[op];
}

function isNumber(text: string): boolean {
  return text.trim() !== '' && Number.isFinite(Number(text));
}

/** The value as a parameter of the field's type, or a refusal naming what the field holds. */
function typedValue(ctx: FilterContext, resolved: ResolvedField, value: TqlValue, type: string): Sql {
  const where = `${resolved.label} at column ${value.column}`;
  switch (type) {
    case 'number':
      if (!isNumber(value.text)) refuse(`${where} holds numbers, not "${value.text}"`, value.column, 'a number');
      return sql`${Number(value.text)}`;
    case 'bool':
      if (value.text !== 'true' && value.text !== 'false') refuse(`${where} is true or false, not "${value.text}"`, value.column, 'true or false');
      return sql`${value.text === 'true'}`;
    case 'timestamp': {
      const micros = parseTime(value.text, ctx.nowMs);
      if (!micros.ok) refuse(`${where}: ${micros.reason}`, value.column, 'a time: ISO-8601, now or -15m');
      return ctx.dialect.timestamp(micros.value);
    }
    case 'trace_id': {
      const id = parseAnyTraceId(value.text);
      if (!id.ok) refuse(`${where}: ${id.reason}`, value.column, 'a trace id');
      return ctx.dialect.traceId(id.value.traceId);
    }
    default:
      return sql`${resolved.path.length === 0 && resolved.field.normalize ? resolved.field.normalize(value.text) : value.text}`;
  }
}
