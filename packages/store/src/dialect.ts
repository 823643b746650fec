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
