import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createEnricher, IngestCounters, InProgressSpans, logWriteBacklog, parseEnrichmentConfig, type Enricher } from '@tinsel/ingest';
import type { Store } from '@tinsel/store';
import { createDuckDbStore } from '@tinsel/store-duckdb';
import { createClickHouseStore } from '@tinsel/store-clickhouse';
import type { TinselConfig } from './config/config.ts';
import { Gauges, processGauges } from './gauges.ts';
import { DEFAULT_GATE_LIMITS, IngestGate } from './overload/ingest-gate.ts';
import { RetentionRunner } from './retention/retention-runner.ts';
import { RedeliveryGuard } from './durability/redelivery-guard.ts';

/** Everything a running Tinsel shares: the store, the enrichment tables, the counters. */
export interface Tinsel {
  config: TinselConfig;
  store: Store;
  enricher: Enricher;
  counters: IngestCounters;
  inProgress: InProgressSpans;
  /** Admission control shared by every ingest listener. */
  gate: IngestGate;
  /** Per-signal retention, enforced hourly. */
  retention: RetentionRunner;
  /** Levels /metrics shows beside the counters. */
  gauges: Gauges;
  /** Spans resent after a crash are stored once. */
  redelivery: RedeliveryGuard;
  close(): Promise<void>;
}

/** How far back in-progress spans are remembered across a restart. */
const IN_PROGRESS_MEMORY_MS = 6 * 3_600_000;

/**
 * The composition root: the only place that picks a store backend and wires
 * enrichment into ingest.
 */
export async function openTinsel(config: TinselConfig, onEvent: (event: Record<string, unknown>) => void = () => {}): Promise<Tinsel> {
  const enrichmentConfig = parseEnrichmentConfig(config.enrichment, config.baseDir);
  if (!enrichmentConfig.ok) throw new Error(`tinsel.yaml: ${enrichmentConfig.reason}`);
  // Tables first: a bad table file stops start-up before the store is opened.
  const enricher = await createEnricher(enrichmentConfig.value, { onEvent });
  const recovering = wasInterrupted(config);
  const store = await openStore(config).catch((error: unknown) => {
    enricher.close();
    throw error;
  });
  await store.migrate();
  const counters = new IngestCounters();
  // Started by the listeners: a CLI that only reads (stats, query) never deletes.
  const retention = new RetentionRunner(store, config.store.retention ?? {}, counters, onEvent);
  const gate = new IngestGate({
    inflightBytes: config.limits.inflightBytes ?? DEFAULT_GATE_LIMITS.inflightBytes,
    inflightRequests: config.limits.inflightRequests ?? DEFAULT_GATE_LIMITS.inflightRequests,
  });
  const inProgress = new InProgressSpans();
  // X-Ray sends a long request's segment when it starts and again when done:
  // the complete one must still replace a row stored before a restart.
  await inProgress.restore(store, (Date.now() - IN_PROGRESS_MEMORY_MS) * 1000).catch((error: unknown) => onEvent({ level: 'warn', msg: 'in-progress spans not restored', error: String(error) }));
  const gauges = new Gauges();
  gauges.add(() => gate.gauges());
  gauges.add(() => ({ tinsel_logs_commit_queue_events: logWriteBacklog(store) }));
  gauges.add(processGauges);
  return {
    config,
    store,
    enricher,
    counters,
    inProgress,
    gate,
    retention,
    gauges,
    redelivery: new RedeliveryGuard(recovering),
    async close() {
      retention.stop();
      enricher.close();
      await store.close();
    },
  };
}

/**
 * Whether the last server on this store may have died mid-request: DuckDB
 * leaves its write-ahead log behind unless it was closed cleanly. Over
 * ClickHouse, Tinsel keeps no local state to tell, so it assumes so.
 */
function wasInterrupted(config: TinselConfig): boolean {
  if (config.store.backend === 'clickhouse') return true;
  if (config.dataDir === ':memory:') return false;
  const wal = join(resolve(config.dataDir), 'tinsel.duckdb.wal');
  return existsSync(wal) && statSync(wal).size > 0;
}

/** The configured backend: the embedded DuckDB file, or ClickHouse (one server or a cluster). */
function openStore(config: TinselConfig): Promise<Store> {
  const clickhouse = config.store.clickhouse;
  if (config.store.backend === 'clickhouse' && clickhouse) {
    const cluster = clickhouse.cluster ? { name: clickhouse.cluster, shardUrls: clickhouse.shards } : undefined;
    const days = config.store.retention ?? {};
    // Each table's TTL (servers that have TTL) follows its own signal's retention.
    const retentionDaysByTable = { requests: days.requests, spans: days.spans, logs: days.logs, dead_letters: days.deadLetters };
    return createClickHouseStore({ ...clickhouse, cluster, retentionDays: config.store.retentionDays, retentionDaysByTable });
  }
  return createDuckDbStore({ dataDir: config.dataDir === ':memory:' ? ':memory:' : resolve(config.dataDir), memoryLimit: config.store.duckdb.memoryLimit });
}
