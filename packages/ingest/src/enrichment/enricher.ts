import type { RequestRecord, Result } from '@tinsel/model';
import type { TableStats } from './reloadable-table.ts';

/** Counters and table sizes of an enricher; a table not configured is null. */
export interface EnricherStats {
  readonly lookups: number;
  readonly tenantMisses: number;
  readonly instanceMisses: number;
  readonly tables: {
    readonly tenants: TableStats | null;
    readonly instances: TableStats | null;
  };
}

/**
 * Fills the enrichment columns of request rows from lookup tables that
 * follow their files. Made by createEnricher.
 *
 * @example
 * const enricher = await createEnricher(config, { onEvent });
 * enricher.enrich(batch);            // batch rows now carry tenant, instance_id, …
 * enricher.stats().tenantMisses;     // domains no table knew
 * enricher.close();
 */
export interface Enricher {
  /**
   * Fills the rows in place. Enrichment sits on the ingest hot path (millions
   * of rows a second at peak), so it writes into the records it is given
   * instead of copying them; callers must not share a batch across threads
   * of work that expect the unenriched rows.
   */
  enrich(rows: RequestRecord[]): void;
  stats(): EnricherStats;
  /** Re-reads every table now; on failure the old tables stay and the reason says which file and why. */
  reload(): Promise<Result<void>>;
  /** Stops watching the files. */
  close(): void;
}
