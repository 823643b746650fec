import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { Columns, RowOf, TableSchema } from '@tinsel/model';
import { StoreError, renderSql, type IngestedFile, type Sql, type StoreWriter } from '@tinsel/store';
import type { appendRows } from './append-rows.ts';
import { duckDbDialect } from './duckdb-dialect.ts';
import { upsertLedgerRow } from './ledger-sql.ts';

/**
 * A transaction on a connection of its own, so that readers on other
 * connections never see half a file. Large appends inside one transaction
 * also let DuckDB write whole compressed row groups straight to the file
 * instead of logging every small batch to the WAL first.
 */
export class DuckDbWriter implements StoreWriter {
  private finished = false;

  constructor(
    private readonly connection: DuckDBConnection,
    private readonly appendWith: typeof appendRows,
  ) {}

  static async begin(connection: DuckDBConnection, appendWith: typeof appendRows): Promise<DuckDbWriter> {
    await connection.run('BEGIN TRANSACTION');
    return new DuckDbWriter(connection, appendWith);
  }

  async append<S extends TableSchema<Columns>>(table: S, rows: readonly RowOf<S>[]): Promise<void> {
    if (rows.length === 0) return;
    try {
      await this.appendWith(this.connection, table, rows, { inTransaction: true });
    } catch (cause) {
      throw new StoreError('TINSEL_ERR_STORE_APPEND', { cause });
    }
  }

  async execute(statement: Sql): Promise<void> {
    const { text, params } = renderSql(statement, duckDbDialect);
    try {
      await this.connection.run(text, params as DuckDBValue[]);
    } catch (cause) {
      throw new StoreError('TINSEL_ERR_STORE_QUERY', { cause });
    }
  }

  recordIngestedFile(file: IngestedFile): Promise<void> {
    return this.execute(upsertLedgerRow(file));
  }

  async commit(): Promise<void> {
    this.finished = true;
    try {
      await this.connection.run('COMMIT');
    } catch (cause) {
      throw new StoreError('TINSEL_ERR_STORE_APPEND', { cause });
    } finally {
      this.connection.closeSync();
    }
  }

  async rollback(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    try {
      await this.connection.run('ROLLBACK');
    } catch {
      // The transaction may already be aborted by the failure that led here.
    } finally {
      this.connection.closeSync();
    }
  }
}
