import { fail, ok, type RequestRecord, type Result } from '@tinsel/model';
import { applyTables } from './apply-tables.ts';
import type { EnrichCounters } from './enrich-counters.ts';
import type { Enricher, EnricherStats } from './enricher.ts';
import type { EnrichmentConfig } from './enrichment-config.ts';
import type { EnrichmentEvent } from './enrichment-event.ts';
import type { InstanceTable } from './instance-table.ts';
import { readInstanceTable } from './read-instance-table.ts';
import { readTenantTable } from './read-tenant-table.ts';
import { ReloadableTable } from './reloadable-table.ts';
import type { TenantTable } from './tenant-table.ts';

export interface EnricherOptions {
  /** Receives load, failure and polling events; Tinsel logs them. */
  readonly onEvent?: (event: EnrichmentEvent) => void;
  /**
   * How tables follow their files: 'auto' (change events, polling if those
   * fail), 'poll' (for mounts that never signal changes) or 'off'.
   */
  readonly watch?: 'auto' | 'poll' | 'off';
  /** Quiet time after a change before reloading; default 200 ms. */
  readonly debounceMs?: number;
  /** Poll interval when polling; default 2000 ms. */
  readonly pollMs?: number;
}

/**
 * Loads the configured lookup tables and returns an enricher that follows
 * their files. With no tables configured the enricher does nothing and counts
 * nothing. A table that cannot be read at start-up is a configuration error
 * and rejects, naming the key and the file; later failed reloads keep the
 * previous table and are reported through `onEvent`.
 *
 * @example
 * const config = parseEnrichmentConfig(yaml.enrichment, dirname(configPath));
 * if (!config.ok) throw new Error(config.reason);
 * const enricher = await createEnricher(config.value, { onEvent: (e) => log.info(e.type, e) });
 * enricher.enrich(rows);
 */
export async function createEnricher(config: EnrichmentConfig, options: EnricherOptions = {}): Promise<Enricher> {
  const onEvent = (event: EnrichmentEvent): void => {
    try {
      options.onEvent?.(event);
    } catch {
      // Reloads run from file-watch callbacks: a failing log sink must not
      // turn into an unhandled rejection or stop later reloads.
    }
  };
  const mode = options.watch ?? 'auto';
  const watch = mode === 'off' ? undefined : { mode, debounceMs: options.debounceMs ?? 200, pollMs: options.pollMs ?? 2000 };
  let tenants: ReloadableTable<TenantTable> | null = null;
  let instances: ReloadableTable<InstanceTable> | null = null;
  if (config.tenants !== undefined) {
    const tenantConfig = config.tenants;
    const file = tenantConfig.file;
    const opened = await ReloadableTable.open({ name: 'tenants', file, read: (text) => readTenantTable(text, tenantConfig), onEvent, watch });
    if (!opened.ok) throw new Error(`enrichment.tenants.file: ${opened.reason}`);
    tenants = opened.value;
  }
  if (config.instances !== undefined) {
    const instanceConfig = config.instances;
    const file = instanceConfig.file;
    const opened = await ReloadableTable.open({ name: 'instances', file, read: (text) => readInstanceTable(text, instanceConfig), onEvent, watch });
    if (!opened.ok) {
      tenants?.close();
      throw new Error(`enrichment.instances.file: ${opened.reason}`);
    }
    instances = opened.value;
  }
  return assemble(tenants, instances);
}

function assemble(tenants: ReloadableTable<TenantTable> | null, instances: ReloadableTable<InstanceTable> | null): Enricher {
  const counters: EnrichCounters = { lookups: 0, tenantMisses: 0, instanceMisses: 0 };
  return {
    enrich(rows: RequestRecord[]): void {
      if (tenants === null && instances === null) return;
      // Each table is read once per batch: a reload landing mid-batch applies from the next batch.
      applyTables(rows, tenants?.current ?? null, instances?.current ?? null, counters);
    },
    stats(): EnricherStats {
      return { ...counters, tables: { tenants: tenants?.stats() ?? null, instances: instances?.stats() ?? null } };
    },
    async reload(): Promise<Result<void>> {
      const results = await Promise.all([tenants?.reload(), instances?.reload()]);
      const reasons = results.flatMap((r) => (r !== undefined && !r.ok ? [r.reason] : []));
      return reasons.length === 0 ? ok(undefined) : fail(reasons.join('; '));
    },
    close(): void {
      tenants?.close();
      instances?.close();
    },
  };
}
