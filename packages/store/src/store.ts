import type { Columns, RowOf, TableName, TableSchema } from '@tinsel/model';
import type { Dialect } from './dialect.ts';
import type { Sql } from './sql.ts';

/**
 * A query result row. Backends return plain JSON-able values: timestamps as
 * ISO-8601 strings with microseconds, trace ids as 32 lowercase hex, 64-bit
 * integers as numbers when safe (strings beyond 2^53), null for SQL NULL.
 */
export type ResultRow = Record<string, string | number | boolean | null | unknown[]>;

/** An ingested file in the ledger that makes file ingest idempotent. */
export interface IngestedFile {
  key: string;
  size: number;
  sha256: string;
  /** The source's own content tag (S3 ETag) when it has one. */
  contentTag: string | null;
  rows: number;
  deadLetters: number;
  /** `done` once every line is in; `partial` when it stopped early (truncated gzip). */
  status: 'done' | 'partial';
  ingestedAt: string;
}

/**
 * Retention: for each table named, rows whose time column is before its
 * cutoff may go. A backend that drops whole day partitions keeps a day until
 * all of it is past the cutoff, so it never removes a row that is still due.
 */
export type RetentionCutoffs = Partial<Record<TableName, Date>>;

/** What one retention pass removed from one table. */
export interface RetentionOutcome {
  table: TableName;
  /** The cutoff applied, ISO-8601. */
  cutoff: string;
  removedRows: number;
  /** Day partitions dropped (0 on backends that delete rows instead). */
  droppedPartitions: number;
}

export interface StoreStats {
  rows: Record<TableName, number>;
  bytesOnDisk: number;
}

/**
 * Writes that become visible together when committed, or not at all: a
 * file's rows with its ledger entry, so a crash part-way leaves nothing.
 * Backends without transactions write through and say so in their
 * conformance skips.
 */
export interface StoreWriter {
  append<S extends TableSchema<Columns>>(table: S, rows: readonly RowOf<S>[]): Promise<void>;
  execute(statement: Sql): Promise<void>;
  recordIngestedFile(file: IngestedFile): Promise<void>;
  commit(): Promise<void>;
  /** Discards the writes; safe to call after a failure, and a no-op after commit. */
  rollback(): Promise<void>;
}

/** Reading alone: what a query needs of a store. */
export type StoreReader = Pick<Store, 'query' | 'dialect'>;

/**
 * The storage seam. The server receives a Store and never knows which
 * backend it is; every backend passes `runStoreConformance`.
 */
export interface Store {
  readonly dialect: Dialect;
  /** Creates missing tables; safe to call on every start. */
  migrate(): Promise<void>;
  /** Appends records to a table; committed when the promise resolves. */
  append<S extends TableSchema<Columns>>(table: S, rows: readonly RowOf<S>[]): Promise<void>;
  /** Runs a read query. */
  query(query: Sql): Promise<ResultRow[]>;
  /**
   * Where one trace's rows are read: on a cluster sharded by trace id, the
   * shard that holds the trace, its own tables read directly so no other
   * shard is asked. Backends with one place to read leave it out.
   */
  traceScope?(traceId: string): Promise<StoreReader>;
  /** Runs a statement that returns no rows (DELETE, DDL). */
  execute(statement: Sql): Promise<void>;
  /** Starts a unit of writes; queries do not see it until it commits. */
  openWriter(): Promise<StoreWriter>;
  findIngestedFile(key: string): Promise<IngestedFile | undefined>;
  /** Records (or replaces) a file in the ledger. */
  recordIngestedFile(file: IngestedFile): Promise<void>;
  stats(): Promise<StoreStats>;
  /** Removes rows older than each table's cutoff (see `RetentionCutoffs`). */
  applyRetention(cutoffs: RetentionCutoffs): Promise<RetentionOutcome[]>;
  /** Folds recent writes into their compact on-disk form (DuckDB: a checkpoint of its WAL). */
  compact(): Promise<void>;
  close(): Promise<void>;
}
