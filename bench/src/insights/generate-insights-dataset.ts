import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from '@tinsel/store';
import { createDuckDbStore } from '@tinsel/store-duckdb';

/** Bumped whenever the generated rows change shape, so a cached folder is not reused. */
const DATASET_VERSION = 1;
/** The window ends here: 2026-11-24T18:00:00Z, Christmas Eve's rehearsal. */
export const INSIGHTS_END_MS = Date.UTC(2026, 10, 24, 18);
/** One hour of baseline plus the minute judged. */
export const INSIGHTS_WINDOW_MINUTES = 61;
export const ESTATE = { hosts: 200, tenants: 50, routes: 100 } as const;
/** The host that is 8× slower in the last minute, so the cycle also runs its contrast. */
export const DEGRADED_HOST = 'i-0000000000000007';

export interface InsightsDataset {
  dataDir: string;
  requests: number;
  generatedSeconds: number;
  cached: boolean;
}

/**
 * A DuckDB data folder with `requests` rows spread evenly over the 61
 * minutes before INSIGHTS_END_MS, generated inside DuckDB with
 * `INSERT … SELECT … FROM range(n)` (as the query benchmark does): 200
 * hosts over 3 AZs and two app versions, 50 tenants on 6 database servers,
 * 100 routes, 0.1 % 5xx, and one degraded host in the last minute.
 * Cached under `cacheDir` by size and version.
 */
export async function generateInsightsDataset(cacheDir: string, requests: number, onStep: (text: string) => void): Promise<InsightsDataset> {
  const dataDir = join(cacheDir, `insights-${requests}-v${DATASET_VERSION}`);
  const marker = join(dataDir, 'dataset.json');
  if (existsSync(marker)) return { ...(JSON.parse(readFileSync(marker, 'utf8')) as InsightsDataset), cached: true };
  rmSync(dataDir, { recursive: true, force: true });
  const started = performance.now();
  const store = await createDuckDbStore({ dataDir, memoryLimit: '4GB' });
  try {
    await store.migrate();
    const t = performance.now();
    await store.execute(insertRequests(requests));
    onStep(`  requests: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await store.execute(sql`CHECKPOINT`);
    const dataset: InsightsDataset = { dataDir, requests: (await store.stats()).rows.requests, generatedSeconds: (performance.now() - started) / 1000, cached: false };
    await store.close();
    writeFileSync(marker, JSON.stringify(dataset));
    return dataset;
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}

function insertRequests(n: number) {
  const startUs = (INSIGHTS_END_MS - INSIGHTS_WINDOW_MINUTES * 60_000) * 1000;
  const step = (INSIGHTS_WINDOW_MINUTES * 60_000_000) / n;
  const lastMinuteUs = (INSIGHTS_END_MS - 60_000) * 1000;
  // No ORDER BY: range() is read in order, so rows land in time order and the time column's zone maps prune.
  return sql`INSERT INTO requests BY NAME
    SELECT make_timestamp(t_us) AS time, 'h2' AS type, 'app/web-prod/50dc6c495c0c9188' AS elb,
      '198.51.' || (i % 250) || '.' || (h % 250) AS client_ip, 40000 + i % 20000 AS client_port,
      '10.0.' || (host // 250) || '.' || (host % 250) AS target_ip, 80 AS target_port,
      CASE WHEN alb_error THEN NULL ELSE 0.001 END AS request_processing_time,
      CASE WHEN alb_error THEN NULL ELSE tp END AS target_processing_time,
      CASE WHEN alb_error THEN NULL ELSE 0.0 END AS response_processing_time,
      alb_error AS timing_unavailable,
      CASE WHEN alb_error THEN 502 WHEN app_error THEN 500 ELSE 200 END AS elb_status_code,
      CASE WHEN alb_error THEN NULL WHEN app_error THEN 500 ELSE 200 END AS target_status_code,
      600 AS received_bytes, 2000 + h % 20000 AS sent_bytes,
      CASE WHEN route % 4 = 0 THEN 'POST' ELSE 'GET' END AS request_method,
      'https://shop.example.com:443/r' || route || '/' || (h % 100000) AS request_url, 'HTTP/2.0' AS request_protocol,
      'shop.example.com' AS request_host, 443 AS request_port, '/r' || route || '/' || (h % 100000) AS request_path,
      'Mozilla/5.0' AS user_agent,
      'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web-tg/' || CASE WHEN route < 80 THEN 'd69e4db154005d1b' ELSE '3f0a9c1e55aa0c11' END AS target_group_arn,
      CAST(printf('%08x%016x%08x', t_us // 1000000, h, hash(i * 31 + 7) % 4294967296) AS UUID) AS trace_id,
      'shop.example.com' AS domain_name, 1 AS matched_rule_priority, make_timestamp(t_us - 1000) AS request_creation_time,
      'forward' AS actions_executed, 'web-prod' AS lb_name, '123456789012' AS account_id, 'eu-west-1' AS region,
      'tenant-' || tenant AS tenant, 'db-' || (tenant % 6) AS db_server, 'tenant_' || tenant AS db_name, 'gold' AS site_tier,
      'i-' || printf('%016x', host) AS instance_id, CASE WHEN host < 20 THEN 'ami-0new' ELSE 'ami-0old' END AS ami_id,
      CASE WHEN host < 20 THEN '4.3.0' ELSE '4.2.0' END AS app_version,
      'eu-west-1' || ['a', 'b', 'c'][host % 3 + 1] AS az, 'web-asg' AS asg, 'bench' AS source
    FROM (
      SELECT *, (h >> 24) % 10000 = 0 AS alb_error, (h >> 20) % 1000 = 0 AS app_error,
        (0.005 + ((h >> 8) % 1000) / 20000.0) * (1 + route % 5) * CASE WHEN host = 7 AND t_us >= ${lastMinuteUs} THEN 8 ELSE 1 END AS tp
      FROM (SELECT i, h, CAST(${startUs} AS BIGINT) + CAST(i * ${step} AS BIGINT) AS t_us,
              CAST(h % ${ESTATE.hosts} AS BIGINT) AS host, CAST((h >> 32) % ${ESTATE.tenants} AS BIGINT) AS tenant, CAST((h >> 40) % ${ESTATE.routes} AS BIGINT) AS route
            FROM (SELECT i, hash(i) AS h FROM range(${n}) t(i))))`;
}
