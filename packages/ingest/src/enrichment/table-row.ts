/**
 * One row of a lookup table file, whatever its format. Column names are
 * lower-cased so that `Domain` and `domain` headers both work; empty cells
 * are null. `where` locates the row for error messages ("line 4", "entry 3").
 */
export interface TableRow {
  readonly where: string;
  readonly cells: ReadonlyMap<string, string | null>;
}

/**
 * The value of a Tinsel column in a row, following the configured rename map.
 *
 * @example
 * cellOf(row, 'domain', { domain: 'Host' }); // reads the file's "Host" column
 */
export function cellOf(row: TableRow, column: string, renames: Readonly<Partial<Record<string, string>>>): string | null {
  const name = renames[column] ?? column;
  return row.cells.get(name.toLowerCase()) ?? null;
}
