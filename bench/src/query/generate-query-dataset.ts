import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEXT_INDEX_SCHEME, logBlocksTable, tables } from '@tinsel/model';
import { LOG_BLOCK_ROWS, logBlock } from '@tinsel/ingest';
import { ident, join as joinSql, sql, unsafeRawSql, type Store } from '@tinsel/store';
import { createDuckDbStore } from '@tinsel/store-duckdb';

/** Bumped whenever the generated rows change shape, so a cached file is not reused. */
const DATASET_VERSION = 3;
/** 2026-11-25T00:00:00Z: a fixed day, so a cached dataset and its ids stay valid. */
export const DATASET_START_MICROS = Date.UTC(2026, 10, 25) * 1000;
const DAY_MICROS = 86_400_000_000;
/** Every 1,000,003rd log line carries this token, and no other line does. */
export const RARE_TOKEN = 'ZXQV7RARE';

/**
 * `store`: tables exactly as Tinsel's store creates them. `packed-trace-ids`:
 * the same, but trace_id left to DuckDB's own compression (it bit-packs the
 * 128-bit ids), to measure what that saves on disk and costs a lookup.
 */
export type DatasetVariant = 'store' | 'packed-trace-ids';

export interface QueryDataset {
  dataDir: string;
  requests: number;
  spans: number;
  logs: number;
  generatedSeconds: number;
  cached: boolean;
  /** The full-text index layout the log_blocks rows were written in. */
  indexScheme?: number;
}

// No ORDER BY: range() is read in order and DuckDB keeps insertion order,
// so rows land in time order (a cross join's rows within 2,048 of it),
// which is what lets the time column's zone maps prune.

/**
 * A DuckDB data folder with `requests` ALB rows spread over one day in time
 * order, two spans (a server span and its database call) for every other
 * request, and three log lines per request, generated inside DuckDB with
 * `INSERT … SELECT … FROM range(…)`. About 1% of requests fail in the app
 * (500, a faulted database span with an exception, an error log line), 0.1%
 * die at the load balancer (502, -1 timings, no spans or logs). Cached
 * under `cacheDir` by size and version.
 */
export async function generateQueryDataset(cacheDir: string, requests: number, variant: DatasetVariant, onStep: (text: string) => void): Promise<QueryDataset> {
  const dataDir = join(cacheDir, `query-${requests}-v${DATASET_VERSION}${variant === 'packed-trace-ids' ? '-packed-trace-ids' : ''}`);
  const marker = join(dataDir, 'dataset.json');
  if (existsSync(marker)) {
    const cached = JSON.parse(readFileSync(marker, 'utf8')) as QueryDataset;
    if (cached.indexScheme !== TEXT_INDEX_SCHEME) await reindex(cached, marker, onStep);
    return { ...cached, cached: true };
  }
  rmSync(dataDir, { recursive: true, force: true });
  const started = performance.now();
  const store = await createDuckDbStore({ dataDir, memoryLimit: '6GB' });
  try {
    await store.migrate();
    if (variant === 'packed-trace-ids') for (const table of ['requests', 'spans', 'logs'] as const) await store.execute(packedTraceIdTable(table));
    for (const [name, statement] of steps(requests)) {
      const t = performance.now();
      await store.execute(statement);
      onStep(`  ${name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    const t = performance.now();
    const blocks = await writeLogIndex(store);
    onStep(`  full-text index (${blocks} blocks): ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await store.execute(sql`CHECKPOINT`);
    const counts = await store.stats();
    const dataset: QueryDataset = { dataDir, requests: counts.rows.requests, spans: counts.rows.spans, logs: counts.rows.logs, generatedSeconds: (performance.now() - started) / 1000, cached: false, indexScheme: TEXT_INDEX_SCHEME };
    await store.close();
    writeFileSync(marker, JSON.stringify(dataset));
    return dataset;
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}

function steps(n: number): [string, ReturnType<typeof sql>][] {
  const step = DAY_MICROS / n;
  return [
    ['request ids', sql`CREATE TABLE bench_ids AS
      SELECT i, arrival_us, h,
        CAST(printf('%08x%016x%08x', arrival_us // 1000000, h, hash(i * 31 + 7) % 4294967296) AS UUID) AS trace_id,
        CASE WHEN i % 1009 = 0 THEN 502 WHEN i % 97 = 0 THEN 500 WHEN i % 53 = 0 THEN 404 ELSE 200 END AS status,
        CAST(5000 + h % 200000 AS BIGINT) AS tp_us
      FROM (SELECT i, CAST(${DATASET_START_MICROS} AS BIGINT) + CAST(i * ${step} AS BIGINT) AS arrival_us, hash(i) AS h FROM range(${n}) t(i))`],
    ['requests', insertRequests()],
    ['spans', insertSpans()],
    ['logs', insertLogs()],
    ['drop ids', sql`DROP TABLE bench_ids`],
    ['checkpoint', sql`CHECKPOINT`],
  ];
}

function insertRequests(): ReturnType<typeof sql> {
  return sql`INSERT INTO requests BY NAME
    SELECT make_timestamp(arrival_us + CASE WHEN status = 502 THEN 3000 ELSE 1000 + tp_us END) AS time,
      'https' AS type, 'app/shop-prod/50dc6c495c0c9188' AS elb,
      '198.51.' || (i % 250) || '.' || (h % 250) AS client_ip, 40000 + i % 20000 AS client_port,
      '10.0.1.' || (i % 40) AS target_ip, 8080 AS target_port,
      CASE WHEN status = 502 THEN NULL ELSE 0.001 END AS request_processing_time,
      CASE WHEN status = 502 THEN NULL ELSE tp_us / 1e6 END AS target_processing_time,
      CASE WHEN status = 502 THEN NULL ELSE 0.0 END AS response_processing_time,
      status = 502 AS timing_unavailable, status AS elb_status_code,
      CASE WHEN status = 502 THEN NULL ELSE status END AS target_status_code,
      512 AS received_bytes, 1024 + h % 5000 AS sent_bytes,
      CASE WHEN i % 5 = 0 THEN 'POST' ELSE 'GET' END AS request_method,
      'https://shop.example.com:443' || path AS request_url, 'HTTP/1.1' AS request_protocol,
      'shop.example.com' AS request_host, 443 AS request_port, path AS request_path,
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64)' AS user_agent, 'ECDHE-RSA-AES128-GCM-SHA256' AS ssl_cipher, 'TLSv1.2' AS ssl_protocol,
      'arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/web/73e2d6bc24d8a067' AS target_group_arn,
      trace_id, 'shop.example.com' AS domain_name, 1 AS matched_rule_priority,
      make_timestamp(arrival_us) AS request_creation_time, 'forward' AS actions_executed,
      'shop-prod' AS lb_name, '123456789012' AS account_id, 'us-east-2' AS region,
      'tenant-' || (i % 50) AS tenant, 'db-' || (i % 6) AS db_server, 'shop_' || (i % 50) AS db_name,
      CASE WHEN i % 50 < 5 THEN 'gold' ELSE 'standard' END AS site_tier,
      'i-0' || printf('%015x', i % 40) AS instance_id, 'ami-0abc' AS ami_id,
      '4.2.' || ((h >> 8) % 4) AS app_version, 'us-east-2' || ['a', 'b', 'c'][i % 3 + 1] AS az, 'web-asg' AS asg, 'bench' AS source
    FROM (SELECT *, '/api/' || ['orders', 'cart', 'search', 'users', 'checkout'][i % 5 + 1] || '/' || (h % 100000) AS path FROM bench_ids)`;
}

function insertSpans(): ReturnType<typeof sql> {
  return sql`INSERT INTO spans BY NAME
    SELECT trace_id, printf('%016x', hash(i * 2 + role + 1)) AS span_id,
      CASE WHEN role = 0 THEN NULL ELSE printf('%016x', hash(i * 2 + 1)) END AS parent_span_id,
      'web' AS service, CASE WHEN role = 0 THEN 'GET /api/orders/{id}' ELSE 'SELECT orders' END AS name,
      CASE WHEN role = 0 THEN 'server' ELSE 'client' END AS kind,
      make_timestamp(arrival_us + 3000 + role * 1000) AS start_time,
      make_timestamp(arrival_us + 3000 + role * 1000 + tp_us - 4000 - role * 2000) AS end_time,
      (tp_us - 4000 - role * 2000) / 1000.0 AS duration_ms,
      CASE WHEN status = 500 THEN 'fault' WHEN status = 404 AND role = 0 THEN 'error' ELSE 'ok' END AS status,
      false AS in_progress, CASE WHEN role = 0 THEN status END AS http_status,
      CASE WHEN role = 1 THEN 'SELECT * FROM orders WHERE id = ?' END AS sql_query, CASE WHEN role = 1 THEN 'db-' || (i % 6) END AS db_server,
      CASE WHEN status = 500 AND role = 1 THEN '[{"type":"SqlException","message":"Timeout expired"}]' END AS exceptions,
      'ip-10-0-1-' || (i % 40) AS host, 'otlp' AS source
    FROM bench_ids CROSS JOIN range(2) r(role)
    WHERE i % 2 = 0 AND status <> 502`;
}

function insertLogs(): ReturnType<typeof sql> {
  return sql`INSERT INTO logs BY NAME
    SELECT make_timestamp(arrival_us + 3500 + n * 1000) AS timestamp,
      CASE WHEN status = 500 AND n = 2 THEN 'error' ELSE 'info' END AS level,
      CASE WHEN (i * 3 + n) % 1000003 = 17 THEN 'Payment declined with code ' || ${RARE_TOKEN} || ' for order ' || i
           WHEN status = 500 AND n = 2 THEN 'Order ' || i || ' failed'
           ELSE ['Request started for order ', 'Loaded basket of order ', 'Request finished for order '][n + 1] || i END AS message,
      CASE WHEN status = 500 AND n = 2 THEN 'Order {OrderId} failed'
           ELSE ['Request started for order {OrderId}', 'Loaded basket of order {OrderId}', 'Request finished for order {OrderId}'][n + 1] END AS message_template,
      CASE WHEN status = 500 AND n = 2 THEN 'System.Data.SqlClient.SqlException: Timeout expired' END AS exception,
      '{"OrderId":' || i || ',"Tenant":"tenant-' || (i % 50) || '","RequestPath":"/api/orders"}' AS properties,
      trace_id, printf('%016x', hash(i * 2 + 1)) AS span_id, 'web' AS service, 'ip-10-0-1-' || (i % 40) AS host, 'seq-clef' AS source
    FROM bench_ids CROSS JOIN range(3) r(n)
    WHERE status <> 502`;
}

/** The table recreated with `trace_id UUID` left to DuckDB's compression; a bench-only experiment. */
function packedTraceIdTable(name: 'requests' | 'spans' | 'logs'): ReturnType<typeof sql> {
  const table = tables[name];
  const columns = Object.entries(table.columns).map(([column, spec]) => {
    const type = spec.type === 'trace_id' ? 'UUID' : (duckType[spec.type] ?? 'VARCHAR');
    return sql`${ident(column)} ${unsafeRawSql(type)}`;
  });
  return sql`DROP TABLE ${ident(name)}; CREATE TABLE ${ident(name)} (${joinSql(columns)})`;
}

const duckType: Record<string, string> = { string: 'VARCHAR', int32: 'INTEGER', int64: 'BIGINT', float64: 'DOUBLE', bool: 'BOOLEAN', timestamp: 'TIMESTAMP', json: 'VARCHAR' };

/** A cached dataset whose index predates the current layout gets a new index (the rows stay). */
async function reindex(dataset: QueryDataset, marker: string, onStep: (text: string) => void): Promise<void> {
  const store = await createDuckDbStore({ dataDir: dataset.dataDir, memoryLimit: '2GB' });
  try {
    const t = performance.now();
    await store.execute(sql`DELETE FROM log_blocks`);
    const blocks = await writeLogIndex(store);
    await store.execute(sql`CHECKPOINT`);
    onStep(`  full-text index rebuilt (${blocks} blocks): ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } finally {
    await store.close();
  }
  dataset.indexScheme = TEXT_INDEX_SCHEME;
  writeFileSync(marker, JSON.stringify({ ...dataset, cached: undefined }));
}

/**
 * The logs' full-text index, built as ingest builds it (logBlock over each
 * run of LOG_BLOCK_ROWS events in stored order), read back block by block.
 */
async function writeLogIndex(store: Store): Promise<number> {
  const [total] = await store.query(sql`SELECT count(*) AS n FROM logs`);
  const rows = Number(total?.n ?? 0);
  let written = 0;
  for (let start = 0; start < rows; start += LOG_BLOCK_ROWS * 16) {
    const batch = await store.query(sql`SELECT epoch_us(timestamp) AS timestamp, message, message_template, exception FROM logs
      WHERE rowid >= ${start} AND rowid < ${start + LOG_BLOCK_ROWS * 16} ORDER BY rowid`);
    const records = batch.map((r) => ({ timestamp: Number(r.timestamp), message: text(r.message), message_template: text(r.message_template), exception: text(r.exception) }));
    const blocks = [];
    for (let b = 0; b < records.length; b += LOG_BLOCK_ROWS) blocks.push(logBlock(records.slice(b, b + LOG_BLOCK_ROWS)));
    await store.append(logBlocksTable, blocks);
    written += blocks.length;
  }
  return written;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Opens the dataset with Tinsel's own store, as the server would. */
export function openQueryDataset(dataset: QueryDataset, memoryLimit: string): Promise<Store> {
  return createDuckDbStore({ dataDir: dataset.dataDir, memoryLimit });
}
