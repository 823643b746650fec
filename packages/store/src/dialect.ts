import type { ColumnSpec } from '@tinsel/model';
import type { Sql, SqlValue } from './sql.ts';

/** SQL text with its parameters in placeholder order, ready for a driver. */
export interface RenderedSql {
  text: string;
  params: SqlValue[];
}

/**
 * What differs between SQL engines: quoting, placeholders, types and the few
 * functions Tinsel needs. Each store backend supplies one.
 */
export interface Dialect {
  readonly name: string;
  escapeName(name: string): string;
  placeholder(index: number, value: SqlValue): string;
  columnType(spec: ColumnSpec): string;
  /** Bucket a timestamp column into intervals of `seconds`. */
  timeBucket(column: Sql, seconds: number): Sql;
  /** A timestamp literal from epoch microseconds, bound as a parameter. */
  timestamp(micros: number): Sql;
  /** A canonical 32-hex trace id, bound as a parameter, in the column's type. */
  traceId(hex: string): Sql;
  /** A top-level value of a JSON text column as text, for a key given as a parameter. */
  jsonText(column: Sql, key: string): Sql;
  /** The q-quantile (0..1) of an expression. */
  quantile(expr: Sql, q: number): Sql;
  /**
   * A nested member of a JSON text column as text (`['Order', 'Id']`), null
   * when absent. Numbers and booleans come back as their JSON text.
   */
  jsonPath(column: Sql, path: readonly string[]): Sql;
  /** True when `expr` contains `needle`, ignoring case; the needle is a parameter. */
  containsText(expr: Sql, needle: string): Sql;
  /** SQL LIKE with `%` / `_` wildcards and `\` as the escape character; the pattern is a parameter. */
  like(expr: Sql, pattern: string, ignoreCase: boolean): Sql;
  /** A number from text, null when the text is not one. */
  toNumber(expr: Sql): Sql;
  /** Any value as text. */
  toText(expr: Sql): Sql;
  /** The exact number of distinct non-null values. */
  countDistinct(expr: Sql): Sql;
  /** A text key hashed from the expressions: a stable tiebreak between rows with equal times. */
  rowKey(exprs: readonly Sql[]): Sql;
  /**
   * Newest-first rows are cheaper fetched in two steps on this engine: the
   * times of the page first, then the whole rows bounded by the oldest of
   * them (an engine that reads every column of every match before sorting).
   */
  readonly twoStepRows?: boolean;
}

/** Renders Sql for a dialect. Parameters are never inlined into text. */
export function renderSql(query: Sql, dialect: Dialect): RenderedSql {
  let text = '';
  const params: SqlValue[] = [];
  for (const part of query.parts) {
    if (part.kind === 'text') text += part.text;
    else if (part.kind === 'ident') text += dialect.escapeName(part.name);
    else {
      params.push(part.value);
      text += dialect.placeholder(params.length, part.value);
    }
  }
  return { text, params };
}
