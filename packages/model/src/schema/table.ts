import type { ColumnSpec, ColumnValueOf } from './column.ts';

export type Columns = Readonly<Record<string, ColumnSpec>>;

/**
 * One table of the canonical store: its name, its columns in order, and the
 * column its rows are ordered by in time.
 */
export interface TableSchema<C extends Columns = Columns> {
  readonly name: string;
  readonly columns: C;
  /** Column the rows are ordered by in time (a key of `columns`). */
  readonly timeColumn: string;
  readonly doc: string;
}

type ValueOf<S> = S extends ColumnSpec<infer T, infer N> ? (N extends true ? ColumnValueOf[T] | null : ColumnValueOf[T]) : never;

/** The record type a table schema describes: `RowOf<typeof requestsTable>`. */
export type RowOf<S extends { readonly columns: Columns }> = { -readonly [K in keyof S['columns']]: ValueOf<S['columns'][K]> };

export function defineTable<C extends Columns>(schema: TableSchema<C> & { timeColumn: keyof C & string }): TableSchema<C> {
  return schema;
}

/** Column names in declaration order. */
export function columnNames(table: TableSchema): string[] {
  return Object.keys(table.columns);
}
