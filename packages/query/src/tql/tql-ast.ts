/**
 * The TQL syntax tree: one filter and a list of pipes. Every node keeps the
 * 1-based column where it starts, so later checks (unknown field, bad value)
 * can point at the text the user typed.
 */

/** A value as typed: exact text, or a pattern with `*` / `?` wildcards. */
export interface TqlValue {
  /** The text with escapes resolved (for a pattern, wildcards kept as `*` / `?`). */
  text: string;
  /** True when an unquoted, unescaped `*` or `?` appears. */
  wildcard: boolean;
  /** The pattern pieces when `wildcard`: literal text and wildcard markers. */
  pattern: readonly PatternPiece[];
  quoted: boolean;
  column: number;
}

export type PatternPiece = { literal: string } | { any: '*' | '?' };

export interface TqlFieldRef {
  /** As typed, e.g. `status` or `properties.Order.Id`. */
  name: string;
  column: number;
}

export type CompareOp = '>' | '>=' | '<' | '<=';

export type TqlFilter =
  | { kind: 'all' }
  | { kind: 'and'; items: TqlFilter[] }
  | { kind: 'or'; items: TqlFilter[] }
  | { kind: 'not'; item: TqlFilter; column: number }
  | { kind: 'match'; field: TqlFieldRef; value: TqlValue }
  | { kind: 'compare'; field: TqlFieldRef; op: CompareOp; value: TqlValue }
  | { kind: 'range'; field: TqlFieldRef; lower: TqlValue | null; upper: TqlValue | null; lowerInclusive: boolean; upperInclusive: boolean }
  | { kind: 'exists'; field: TqlFieldRef }
  | { kind: 'text'; value: TqlValue }
  | { kind: 'trace'; traceId: string; epochSecond: number | null; column: number };

export type AggFn = 'count' | 'sum' | 'avg' | 'min' | 'max' | 'p50' | 'p90' | 'p95' | 'p99' | 'count_distinct';

export interface TqlAgg {
  fn: AggFn;
  /** Null for `count()`. */
  field: TqlFieldRef | null;
  /** Output column name: `as` name, or `count`, `avg_duration`, … */
  name: string;
  column: number;
}

export interface TqlSortKey {
  name: string;
  descending: boolean;
  column: number;
}

export type TqlPipe =
  | { kind: 'stats'; aggs: TqlAgg[]; by: TqlFieldRef[]; column: number }
  | { kind: 'timechart'; spanSeconds: number | null; aggs: TqlAgg[]; by: TqlFieldRef[]; column: number }
  | { kind: 'sort'; keys: TqlSortKey[]; column: number }
  | { kind: 'head'; count: number; column: number }
  | { kind: 'fields'; fields: TqlFieldRef[]; column: number };

/** A parsed query: `filter | pipe | pipe …`. */
export interface TqlQuery {
  text: string;
  filter: TqlFilter;
  pipes: TqlPipe[];
}

/**
 * Why a query was refused: the message, the 1-based column, what would
 * have been accepted there, and the kind (bad syntax, an unknown field, or a
 * value or pipe the query cannot use).
 */
export interface TqlProblem {
  kind: 'syntax' | 'field' | 'value';
  reason: string;
  column: number;
  expected: string;
}

/** Like `Result` from @tinsel/model, with the column and expectation on failure. */
export type TqlResult<T> = { ok: true; value: T } | ({ ok: false } & TqlProblem);

export function tqlFail<T = never>(reason: string, column: number, expected: string, kind: TqlProblem['kind'] = 'syntax'): TqlResult<T> {
  return { ok: false, kind, reason, column, expected };
}
