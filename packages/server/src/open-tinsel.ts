import { resolve } from 'node:path';
import { createEnricher, IngestCounters, InProgressSpans, parseEnrichmentConfig, type Enricher } from '@tinsel/ingest';
import type { Store } from '@tinsel/store';
import { createDuckDbStore } from '@tinsel/store-duckdb';
import { ClickHouseStore, createClickHouseStore } from '@tinsel/store-clickhouse';
import type { TinselConfig } from './config/config.ts';

/** Everything a running Tinsel shares: the store, the enrichment tables, the counters. */
export interface Tinsel {
  config: TinselConfig;
  store: Store;
  enricher: Enricher;
  counters: IngestCounters;
  inProgress: InProgressSpans;
  close(): Promise<void>;
}

/**
 * The composition root: the only place that picks a store backend and wires
 * enrichment into ingest.
 */
export async function openTinsel(config: TinselConfig, onEvent: (event: Record<string, unknown>) => void = () => {}): Promise<Tinsel> {
  const enrichmentConfig = parseEnrichmentConfig(config.enrichment, config.baseDir);
  if (!enrichmentConfig.ok) throw new Error(`tinsel.yaml: ${enrichmentConfig.reason}`);
  // Tables first: a bad table file stops start-up before the store is opened.
  const enricher = await createEnricher(enrichmentConfig.value, { onEvent });
  const store = await openStore(config).catch((error: unknown) => {
    enricher.close();
    throw error;
  });
  await store.migrate();
  const retention = startRetention(store, onEvent);
  return {
    config,
    store,
    enricher,
    counters: new IngestCounters(),
    inProgress: new InProgressSpans(),
    async close() {
      if (retention) clearInterval(retention);
      enricher.close();
      await store.close();
    },
  };
}

/** The configured backend: the embedded DuckDB file, or ClickHouse (one server or a cluster). */
function openStore(config: TinselConfig): Promise<Store> {
  const clickhouse = config.store.clickhouse;
  if (config.store.backend === 'clickhouse' && clickhouse) {
    const cluster = clickhouse.cluster ? { name: clickhouse.cluster, shardUrls: clickhouse.shards } : undefined;
    return createClickHouseStore({ ...clickhouse, cluster, retentionDays: config.store.retentionDays });
  }
  return createDuckDbStore({ dataDir: config.dataDir === ':memory:' ? ':memory:' : resolve(config.dataDir), memoryLimit: config.store.duckdb.memoryLimit });
}

/** ClickHouse retention: drop day partitions past `store.retentionDays`, at start and every hour. */
function startRetention(store: Store, onEvent: (event: Record<string, unknown>) => void): ReturnType<typeof setInterval> | undefined {
  if (!(store instanceof ClickHouseStore)) return undefined;
  const apply = () =>
    void store.applyRetention().then(
      (dropped) => dropped > 0 && onEvent({ event: 'retention', droppedPartitions: dropped }),
      (error: unknown) => onEvent({ event: 'retention_failed', error: (error as Error).message }),
    );
  apply();
  const timer = setInterval(apply, 3_600_000);
  timer.unref();
  return timer;
}
