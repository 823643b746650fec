import type { TableName } from '@tinsel/model';
import type { IngestCounters } from '@tinsel/ingest';
import type { RetentionCutoffs, RetentionOutcome, Store } from '@tinsel/store';
import type { RetentionConfig } from '../config/retention-config.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** What `tinsel stats` and `GET /api/stats` show about retention. */
export interface RetentionStatus {
  /** Days kept per signal; a signal not named is kept until deleted. */
  days: RetentionConfig;
  lastRunAt: string | null;
  nextRunAt: string | null;
  /** What the last pass removed, per table. */
  lastOutcomes: RetentionOutcome[];
  lastError: string | null;
  /** Rows removed since start, per table. */
  removedRows: Partial<Record<TableName, number>>;
}

/** The tables each signal's retention governs: a log's full-text blocks go with the logs. */
const TABLES_OF: Record<keyof RetentionConfig, TableName[]> = {
  requests: ['requests'],
  spans: ['spans'],
  logs: ['logs', 'log_blocks'],
  deadLetters: ['dead_letters'],
};

/**
 * The cutoff of each table under a retention policy at `now`.
 *
 * @example
 * retentionCutoffs({ logs: 7 }, Date.parse('2026-01-08T00:00:00Z'))
 * // { logs: 2026-01-01T00:00:00Z, log_blocks: 2026-01-01T00:00:00Z }
 */
export function retentionCutoffs(days: RetentionConfig, now: number): RetentionCutoffs {
  const cutoffs: RetentionCutoffs = {};
  for (const [signal, tableNames] of Object.entries(TABLES_OF) as [keyof RetentionConfig, TableName[]][]) {
    const kept = days[signal];
    if (kept === undefined) continue;
    for (const table of tableNames) cutoffs[table] = new Date(now - kept * DAY_MS);
  }
  return cutoffs;
}

/**
 * Enforces per-signal retention on any store: once at start and then every
 * hour, one pass at a time. DuckDB deletes the expired rows; ClickHouse
 * drops whole expired day partitions. Removed rows are counted as
 * `tinsel_retention_rows_removed_total`.
 */
export class RetentionRunner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<RetentionOutcome[]> | null = null;
  private lastRunAt: string | null = null;
  private nextRunAt: string | null = null;
  private lastOutcomes: RetentionOutcome[] = [];
  private lastError: string | null = null;
  private readonly removed: Partial<Record<TableName, number>> = {};

  constructor(
    private readonly store: Pick<Store, 'applyRetention'>,
    readonly days: RetentionConfig,
    private readonly counters: IngestCounters,
    private readonly onEvent: (event: Record<string, unknown>) => void = () => {},
    private readonly intervalMs = HOUR_MS,
  ) {}

  /** True when some signal has a retention to enforce. */
  get enabled(): boolean {
    return Object.keys(retentionCutoffs(this.days, 0)).length > 0;
  }

  start(): void {
    if (!this.enabled || this.timer) return;
    const tick = () => {
      this.nextRunAt = new Date(Date.now() + this.intervalMs).toISOString();
      void this.runOnce().catch(() => undefined);
    };
    tick();
    this.timer = setInterval(tick, this.intervalMs);
    this.timer.unref();
  }

  /** One pass now (a pass already running is shared rather than doubled). */
  runOnce(now = Date.now()): Promise<RetentionOutcome[]> {
    this.running ??= this.pass(now).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(now: number): Promise<RetentionOutcome[]> {
    try {
      const outcomes = await this.store.applyRetention(retentionCutoffs(this.days, now));
      for (const outcome of outcomes) {
        this.removed[outcome.table] = (this.removed[outcome.table] ?? 0) + outcome.removedRows;
        this.counters.add('tinsel_retention_rows_removed_total', outcome.removedRows);
      }
      this.lastOutcomes = outcomes;
      this.lastError = null;
      const removedRows = outcomes.reduce((sum, o) => sum + o.removedRows, 0);
      if (removedRows > 0) this.onEvent({ event: 'retention', removedRows, tables: outcomes.filter((o) => o.removedRows > 0).map((o) => o.table) });
      return outcomes;
    } catch (error) {
      this.lastError = (error as Error).message;
      this.onEvent({ level: 'error', event: 'retention_failed', error: this.lastError });
      throw error;
    } finally {
      this.lastRunAt = new Date(now).toISOString();
    }
  }

  status(): RetentionStatus {
    return { days: this.days, lastRunAt: this.lastRunAt, nextRunAt: this.timer ? this.nextRunAt : null, lastOutcomes: this.lastOutcomes, lastError: this.lastError, removedRows: { ...this.removed } };
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
