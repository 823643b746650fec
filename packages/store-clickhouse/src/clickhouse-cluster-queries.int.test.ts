import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { requestsTable, spansTable, type SpanRecord } from '@tinsel/model';
import { loadBalancerCalls, remoteCalls, searchTraces, serviceCalls, serviceNodes, type TraceSearch } from '@tinsel/query';
import { sampleRequest, sampleSpan, type ResultRow, type Sql, type Dialect, type Store } from '@tinsel/store';
import { createDuckDbStore } from '@tinsel/store-duckdb';
import { createClickHouseStore } from './clickhouse-store.ts';
import { whenClickHouseAvailable } from './testing/clickhouse-test-gate.ts';
import { startClickHouseCluster, startClickHouseServer, type TestClickHouseCluster, type TestClickHouseServer } from './testing/start-clickhouse-server.ts';

const at = (ms: number) => Date.UTC(2026, 10, 24, 18, 0, 0) * 1000 + ms * 1000;
const from = at(-3_600_000);
const to = at(3_600_000);

/**
 * 40 traces (enough to land on both shards): a frontend calling orders over
 * HTTP, orders calling its database, a payment provider without spans of its
 * own, and the load balancer in front; every fourth trace faults, traces
 * start 10 s apart so that the newest-first order is unambiguous.
 */
function shop(): { spans: SpanRecord[]; requests: ReturnType<typeof sampleRequest>[] } {
  const spans: SpanRecord[] = [];
  const requests = [];
  for (let t = 0; t < 40; t++) {
    const trace_id = `6b07a7a0${(t * 2654435761 >>> 0).toString(16).padStart(8, '0')}33ac27e4198${String(t).padStart(5, '0')}`;
    const start = t * 10_000;
    const fault = t % 4 === 0;
    const id = (n: number) => `${String(t).padStart(4, '0')}00000000000${n}`;
    const span = (n: number, fields: Partial<SpanRecord>) => sampleSpan({ trace_id, span_id: id(n), start_time: at(start + n), end_time: at(start + 100 - n), duration_ms: 100 - 2 * n + t, status: 'ok', annotations: null, ...fields });
    spans.push(
      span(1, { parent_span_id: null, service: 'frontend', name: 'GET /checkout', kind: 'server', status: fault ? 'fault' : 'ok', annotations: `{"tenant":"t${t % 3}"}` }),
      span(2, { parent_span_id: id(1), service: 'frontend', name: 'POST orders', kind: 'client', status: fault ? 'fault' : 'ok' }),
      span(3, { parent_span_id: id(2), service: 'orders', name: 'POST /orders', kind: 'server', status: fault ? 'fault' : t % 5 === 0 ? 'error' : 'ok' }),
      span(4, { parent_span_id: id(3), service: 'orders', name: 'SELECT', kind: 'client', db_server: `db-${t % 2}` }),
      span(5, { parent_span_id: id(3), service: 'orders', name: 'payments.example.com', kind: 'client', status: fault ? 'fault' : 'ok' }),
    );
    requests.push(sampleRequest({ trace_id, lb_name: t % 2 ? 'web-prod' : 'web-canary', time: at(start + 101) }));
  }
  return { spans, requests };
}

const searches: TraceSearch[] = [
  { from, to, limit: 50 },
  { from, to, limit: 7 },
  { from, to, status: 'fault', limit: 5 },
  { from, to, service: 'orders', minDurationMs: 110, limit: 50 },
  { from, to, annotation: { key: 'tenant', value: 't1' }, limit: 4 },
];

const mapQueries: [string, (d: Dialect) => Sql][] = [
  ['serviceNodes', (d) => serviceNodes(d, from, to)],
  ['serviceCalls', (d) => serviceCalls(d, from, to)],
  ['remoteCalls', (d) => remoteCalls(d, from, to)],
  ['loadBalancerCalls', (d) => loadBalancerCalls(d, from, to)],
];

/** Rows as comparable text; the map's groups come in each engine's own order. */
const sorted = (rows: ResultRow[]) => rows.map((r) => JSON.stringify(r)).sort();

whenClickHouseAvailable('trace search and the service map on ClickHouse 18.16, one server and a cluster', () => {
  let cluster: TestClickHouseCluster;
  let server: TestClickHouseServer;
  let duckdb: Store;
  const stores: [string, Store][] = [];

  before(async () => {
    [cluster, server] = await Promise.all([startClickHouseCluster(), startClickHouseServer()]);
    duckdb = await createDuckDbStore({ dataDir: ':memory:' });
    stores.push(
      ['one server', await createClickHouseStore({ url: server.url, database: 'tinsel_map' })],
      ['cluster', await createClickHouseStore({ url: cluster.shards[1]!.url, database: 'tinsel_map', cluster: { name: cluster.cluster, shardUrls: cluster.shards.map((s) => s.url) } })],
    );
    const { spans, requests } = shop();
    for (const store of [duckdb, ...stores.map(([, s]) => s)]) {
      await store.migrate();
      await store.append(spansTable, spans);
      await store.append(requestsTable, requests);
    }
  });
  after(async () => {
    for (const [, store] of stores) await store.close();
    await duckdb?.close();
    await Promise.all([cluster?.stop(), server?.stop()]);
  });

  it('draws the same service map as DuckDB', async () => {
    for (const [name, query] of mapQueries) {
      const expected = sorted(await duckdb.query(query(duckdb.dialect)));
      assert.ok(expected.length > 0, `${name} finds something`);
      for (const [where, store] of stores) assert.deepEqual(sorted(await store.query(query(store.dialect))), expected, `${name} on ${where}`);
    }
  });

  it('finds the same traces as DuckDB, newest first', async () => {
    for (const search of searches) {
      const expected = await duckdb.query(searchTraces(duckdb.dialect, search));
      assert.ok(expected.length > 0 && expected.length <= search.limit, JSON.stringify(search));
      for (const [where, store] of stores) assert.deepEqual(await store.query(searchTraces(store.dialect, search)), expected, `${JSON.stringify(search)} on ${where}`);
    }
  });
});
