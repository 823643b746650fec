import { requestsTable, type Columns, type RowOf, type TableSchema } from '@tinsel/model';
import { ident, sql, type IngestedFile, type Sql, type StoreWriter } from '@tinsel/store';
import type { ClickHouseStore } from './clickhouse-store.ts';

/** Rows a writer holds in memory before it spills them (see ClickHouseWriter). */
export const DEFAULT_SPILL_ROWS = 200_000;

/** Rows to insert, or a statement to run, in the order the writer was given them. */
type Step = { rows: readonly unknown[]; table: TableSchema<Columns> } | { run: () => Promise<void> };

/**
 * ClickHouse has no transactions, so a writer keeps its work — deletes,
 * rows, the ledger entry — in memory and plays it in order on commit, the
 * ledger entry last. Rollback forgets it. Until commit nothing is visible,
 * and a crash part-way through a commit leaves a file without a `done`
 * ledger entry, which the next run deletes and reads again: each file's
 * rows land exactly once.
 *
 * A file larger than `spillRows` rows would not fit in memory: the writer
 * then first records a `partial` ledger entry for each file (`source`) of
 * the rows it holds, and writes them through. Those rows are visible before
 * commit, but the `partial` entry makes a crash or a rollback end the same
 * way: the next run deletes them and reads the file again.
 */
export class ClickHouseWriter implements StoreWriter {
  private steps: Step[] = [];
  private held = 0;
  /** Files (`source` of requests rows) this writer holds rows of. */
  private readonly sources = new Set<string>();
  private readonly spilledSources = new Set<string>();
  private finished = false;

  constructor(
    private readonly store: ClickHouseStore,
    private readonly spillRows = DEFAULT_SPILL_ROWS,
  ) {}

  async append<S extends TableSchema<Columns>>(table: S, rows: readonly RowOf<S>[]): Promise<void> {
    if (rows.length === 0) return;
    const copy: readonly unknown[] = rows.slice();
    this.steps.push({ table, rows: copy });
    if (table.name === requestsTable.name) for (const row of copy) this.sources.add(String((row as { source?: unknown }).source));
    this.held += rows.length;
    if (this.held >= this.spillRows) await this.spill();
  }

  async execute(statement: Sql): Promise<void> {
    this.steps.push({ run: () => this.store.execute(statement) });
  }

  async recordIngestedFile(file: IngestedFile): Promise<void> {
    this.steps.push({ run: () => this.store.recordIngestedFile(file) });
  }

  async commit(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    await this.play();
  }

  async rollback(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.steps = [];
    // Rows already written through are removed now; their `partial` ledger
    // entries stay, so that a failure here is also repaired by the next run.
    for (const source of this.spilledSources) {
      for (const table of ['requests', 'dead_letters']) {
        await this.store.execute(sql`DELETE FROM ${ident(table)} WHERE source = ${source}`).catch(() => undefined);
      }
    }
  }

  private async spill(): Promise<void> {
    for (const source of this.sources) {
      if (this.spilledSources.has(source)) continue;
      await this.store.recordIngestedFile({ key: source, size: -1, sha256: '', contentTag: null, rows: 0, deadLetters: 0, status: 'partial', ingestedAt: new Date().toISOString() });
      this.spilledSources.add(source);
    }
    await this.play();
  }

  private async play(): Promise<void> {
    const steps = this.steps;
    this.steps = [];
    this.held = 0;
    // Rows between two statements go in one insert per table: ClickHouse
    // wants few large parts, not one per batch.
    let pending = new Map<TableSchema<Columns>, unknown[]>();
    const flush = async () => {
      for (const [table, rows] of pending) await this.store.append(table, rows as RowOf<typeof table>[]);
      pending = new Map();
    };
    for (const step of steps) {
      if ('run' in step) {
        await flush();
        await step.run();
      } else {
        const rows = pending.get(step.table) ?? [];
        for (const row of step.rows) rows.push(row);
        pending.set(step.table, rows);
      }
    }
    await flush();
  }
}
