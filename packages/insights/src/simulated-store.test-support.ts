import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requestsTable, type RequestRecord } from '@tinsel/model';
import { parseAlbLine } from '@tinsel/ingest';
import { Simulator, formatAlbLine, type IncidentSpec, type RequestPlan } from '@tinsel/simulator';
import type { Store } from '@tinsel/store';
import { createDuckDbStore } from '@tinsel/store-duckdb';

export interface SimulatedStore {
  store: Store;
  sim: Simulator;
  close(): Promise<void>;
}

/**
 * A real DuckDB store in a temp folder holding the simulator's ALB lines of
 * [fromMs, toMs), parsed by the ingest parser and enriched from what the
 * simulator knows (the same values its instances.json and tenants.csv give).
 */
export async function openSimulatedStore(options: { fromMs: number; toMs: number; rate: number; seed?: number; incidents?: IncidentSpec[] }): Promise<SimulatedStore> {
  const dir = mkdtempSync(join(tmpdir(), 'tinsel-insights-'));
  const store = await createDuckDbStore({ dataDir: dir, memoryLimit: '1GB' });
  await store.migrate();
  const sim = new Simulator({ estate: { seed: options.seed ?? 1 }, traffic: { peakRate: options.rate }, incidents: options.incidents ?? [], genesis: options.fromMs - 86_400_000 });
  let batch: RequestRecord[] = [];
  for (let second = options.fromMs / 1000; second < options.toMs / 1000; second++) {
    for (const plan of sim.plans(second)) {
      const parsed = parseAlbLine(formatAlbLine(plan), 'simulator');
      if (parsed.ok) batch.push(enriched(parsed.value, plan));
    }
    if (batch.length >= 50_000) {
      await store.append(requestsTable, batch);
      batch = [];
    }
  }
  await store.append(requestsTable, batch);
  return {
    store,
    sim,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function enriched(row: RequestRecord, plan: RequestPlan): RequestRecord {
  return {
    ...row,
    tenant: plan.tenant.tenant,
    db_server: plan.tenant.dbServer,
    db_name: plan.tenant.dbName,
    site_tier: plan.tenant.siteTier,
    instance_id: plan.instance.instanceId,
    ami_id: plan.instance.amiId,
    app_version: plan.instance.appVersion,
    az: plan.instance.az,
    asg: 'web-asg',
  };
}
