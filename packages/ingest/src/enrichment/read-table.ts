import type { Result } from '@tinsel/model';

/** A lookup table built from its file, with what is worth reporting about the read. */
export interface ReadTable<T> {
  readonly table: T;
  /** Entries in the table (rows for tenants, IP ranges for instances). */
  readonly size: number;
  /** Keys that appeared more than once; the last row wins. */
  readonly duplicates: number;
}

/**
 * Builds a table from the text of its file; failures are values so that a
 * bad edit during a reload keeps the previous table.
 *
 * @example
 * const read: TableReader<TenantTable> = (text) => readTenantTable(text, config);
 */
export type TableReader<T> = (text: string) => Result<ReadTable<T>>;
