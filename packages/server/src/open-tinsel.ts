import { resolve } from 'node:path';
import { createEnricher, IngestCounters, InProgressSpans, parseEnrichmentConfig, type Enricher } from '@tinsel/ingest';
import type { Store } from '@tinsel/store';
import { createDuckDbStore } from '@tinsel/store-duckdb';
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
  const store = await createDuckDbStore({ dataDir: config.dataDir === ':memory:' ? ':memory:' : resolve(config.dataDir), memoryLimit: config.store.duckdb.memoryLimit }).catch((error: unknown) => {
    enricher.close();
    throw error;
  });
  await store.migrate();
  return {
    config,
    store,
    enricher,
    counters: new IngestCounters(),
    inProgress: new InProgressSpans(),
    async close() {
      enricher.close();
      await store.close();
    },
  };
}
