import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { tables, type Columns, type RowOf, type TableName, type TableSchema } from '@tinsel/model';
import { StoreError, ingestedFileFromRow, renderSql, sql, type IngestedFile, type ResultRow, type RetentionCutoffs, type RetentionOutcome, type Sql, type Store, type StoreStats, type StoreWriter } from '@tinsel/store';
import { DuckDbWriter } from './duckdb-writer.ts';
import { duckDbDialect } from './duckdb-dialect.ts';
import { appendRows } from './append-rows.ts';
import { appendPacked } from './append-packed.ts';
import { ledgerTableDdl, tableDdl } from './duckdb-ddl.ts';
import { readResult } from './read-result.ts';
import { deleteExpired } from './delete-expired.ts';
import { SerialQueue } from './serial-queue.ts';
import { countRows, selectLedgerRow, upsertLedgerRow } from './ledger-sql.ts';

export const DEFAULT_MEMORY_LIMIT = '256MB';
/**
 * Read connections: reads asked for at once (a story's three lookups, API
 * calls from several users) run side by side instead of one after the
 * other; DuckDB runs each on its shared thread pool and buffer cache.
 */
const READERS = 3;

export interface DuckDbStoreOptions {
  /** Folder holding `tinsel.duckdb`; created when missing. `:memory:` keeps nothing. */
  dataDir: string;
  /**
   * How rows reach DuckDB: `chunks` (the default: column by column, written
   * straight into data-chunk vectors) or `packed` (one text per row, split
   * and cast inside DuckDB). `npm run bench -- alb-ingest` compares both on
   * the same data; chunks won on this 2-core machine.
   */
  appendMode?: 'packed' | 'chunks';
  /**
   * DuckDB's memory limit, e.g. `256MB` (the default) or `4GB`; past it
   * DuckDB evicts cached blocks and spills to disk. Left to itself DuckDB
   * takes 80% of the machine, which a collector sharing a host must not.
   */
  memoryLimit?: string;
}

/**
 * The embedded store: one DuckDB file under the data folder.
 *
 * @example
 * const store = await createDuckDbStore({ dataDir: './data' });
 * await store.migrate();
 */
export async function createDuckDbStore(options: DuckDbStoreOptions): Promise<Store> {
  const path = options.dataDir === ':memory:' ? ':memory:' : databasePath(options.dataDir);
  let connection: DuckDBConnection;
  const readers: DuckDBConnection[] = [];
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, { memory_limit: options.memoryLimit ?? DEFAULT_MEMORY_LIMIT });
    connection = await instance.connect();
    for (let i = 0; i < READERS; i++) readers.push(await instance.connect());
  } catch (cause) {
    throw new StoreError('TINSEL_ERR_STORE_OPEN', { cause });
  }
  return new DuckDbStore(instance, connection, readers, path, options.appendMode === 'packed' ? appendPacked : appendRows);
}

function databasePath(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  return join(dataDir, 'tinsel.duckdb');
}

class DuckDbStore implements Store {
  readonly dialect = duckDbDialect;
  // A DuckDB connection runs one statement at a time: each connection has a
  // queue, so concurrent API calls take turns instead of interleaving.
  private readonly writes = new SerialQueue();
  private readonly readers: { connection: DuckDBConnection; queue: SerialQueue }[];

  constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    // Reads run on connections of their own: they neither queue behind a
    // long append nor see a writer's uncommitted rows.
    readers: DuckDBConnection[],
    private readonly path: string,
    private readonly appendWith: typeof appendRows,
  ) {
    this.readers = readers.map((reader) => ({ connection: reader, queue: new SerialQueue() }));
  }


  async migrate(): Promise<void> {
    await this.writes.run(async () => {
      for (const table of Object.values(tables)) await this.connection.run(tableDdl(table));
      await this.connection.run(ledgerTableDdl);
      // Data folders from before content tags were kept.
      await this.connection.run('ALTER TABLE ingested_files ADD COLUMN IF NOT EXISTS content_tag VARCHAR');
    });
  }

  append<S extends TableSchema<Columns>>(table: S, rows: readonly RowOf<S>[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    return this.writes.run(async () => {
      try {
        await this.appendWith(this.connection, table, rows);
      } catch (cause) {
        throw new StoreError('TINSEL_ERR_STORE_APPEND', { cause });
      }
    });
  }

  query(query: Sql): Promise<ResultRow[]> {
    const { text, params } = renderSql(query, duckDbDialect);
    // The least busy reader; ties go to the first, so a lone caller keeps one connection warm.
    const reader = this.readers.reduce((best, r) => (r.queue.pending < best.queue.pending ? r : best));
    return reader.queue.run(async () => {
      try {
        return readResult(await reader.connection.runAndReadAll(text, params as DuckDBValue[]));
      } catch (cause) {
        throw new StoreError('TINSEL_ERR_STORE_QUERY', { cause });
      }
    });
  }

  async openWriter(): Promise<StoreWriter> {
    try {
      return await DuckDbWriter.begin(await this.instance.connect(), this.appendWith);
    } catch (cause) {
      throw new StoreError('TINSEL_ERR_STORE_APPEND', { cause });
    }
  }

  async execute(statement: Sql): Promise<void> {
    const { text, params } = renderSql(statement, duckDbDialect);
    await this.writes.run(async () => {
      try {
        await this.connection.run(text, params as DuckDBValue[]);
      } catch (cause) {
        throw new StoreError('TINSEL_ERR_STORE_QUERY', { cause });
      }
    });
  }

  async findIngestedFile(key: string): Promise<IngestedFile | undefined> {
    const [row] = await this.query(selectLedgerRow(key));
    return row ? ingestedFileFromRow(row) : undefined;
  }

  async recordIngestedFile(file: IngestedFile): Promise<void> {
    await this.execute(upsertLedgerRow(file));
  }

  async stats(): Promise<StoreStats> {
    const rows = {} as Record<TableName, number>;
    for (const name of Object.keys(tables) as TableName[]) {
      const [row] = await this.query(countRows(name));
      rows[name] = Number(row?.n ?? 0);
    }
    return { rows, bytesOnDisk: this.bytesOnDisk() };
  }

  async applyRetention(cutoffs: RetentionCutoffs): Promise<RetentionOutcome[]> {
    const outcomes: RetentionOutcome[] = [];
    for (const { table, cutoff, statement } of deleteExpired(cutoffs)) {
      const { text, params } = renderSql(statement, duckDbDialect);
      const removedRows = await this.writes.run(async () => {
        try {
          const result = await this.connection.runAndReadAll(text, params as DuckDBValue[]);
          return Number(result.getRows()[0]?.[0] ?? 0);
        } catch (cause) {
          throw new StoreError('TINSEL_ERR_STORE_QUERY', { cause });
        }
      });
      outcomes.push({ table, cutoff: cutoff.toISOString(), removedRows, droppedPartitions: 0 });
    }
    return outcomes;
  }

  async compact(): Promise<void> {
    await this.execute(sql`CHECKPOINT`);
  }

  private bytesOnDisk(): number {
    if (this.path === ':memory:') return 0;
    return [this.path, `${this.path}.wal`].reduce((sum, p) => sum + fileSize(p), 0);
  }

  async close(): Promise<void> {
    await Promise.all(this.readers.map((r) => r.queue.run(async () => undefined)));
    await this.writes.run(async () => {
      await this.connection.run('CHECKPOINT');
      for (const reader of this.readers) reader.connection.closeSync();
      this.connection.closeSync();
      this.instance.closeSync();
    });
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
