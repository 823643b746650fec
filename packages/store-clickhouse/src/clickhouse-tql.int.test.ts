import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import fc from 'fast-check';
import { logsTable, requestsTable, signals, spansTable, type Signal } from '@tinsel/model';
import { compileTql, decodeCursor, parseTql, runTql, type TqlCursor } from '@tinsel/query';
import { sampleLog, sampleRequest, sampleSpan, type Store } from '@tinsel/store';
import { createDuckDbStore } from '@tinsel/store-duckdb';
import { tqlText } from '../../query/src/tql/tql-arbitrary.ts';
import { createClickHouseStore } from './clickhouse-store.ts';
import { whenClickHouseAvailable } from './testing/clickhouse-test-gate.ts';
import { startClickHouseServer, type TestClickHouseServer } from './testing/start-clickhouse-server.ts';

const at = (second: number) => Date.UTC(2026, 10, 24, 18, 0, second) * 1000;
const range = { from: at(0), to: at(3600), limit: 50, nowMs: at(3600) / 1000 };

const requests = [
  sampleRequest({ time: at(10), tenant: 'acme', elb_status_code: 200, request_path: '/health', client_port: 1 }),
  sampleRequest({ time: at(70), tenant: 'acme', elb_status_code: 502, request_path: '/checkout', target_processing_time: 2.5, client_port: 2 }),
  sampleRequest({ time: at(70), tenant: 'globex', elb_status_code: 504, request_path: '/cart', target_processing_time: null, timing_unavailable: true, client_port: 3 }),
  sampleRequest({ time: at(200), tenant: 'globex', elb_status_code: 200, request_path: '/cart', user_agent: 'Mozilla/5.0 (Connection Reset)', client_port: 4 }),
];
const logs = [
  sampleLog({ timestamp: at(5), level: 'error', message: 'Connection RESET by peer', properties: '{"Order":{"Id":7},"elapsed":1500}', span_id: 'l1' }),
  sampleLog({ timestamp: at(65), level: 'info', message: 'Order 8 placed', exception: null, properties: '{"Order":{"Id":"8"}}', span_id: 'l2' }),
  sampleLog({ timestamp: at(130), level: 'warn', message: 'slow query 50%_off', exception: null, properties: null, span_id: 'l3' }),
];
const spans = [
  sampleSpan({ start_time: at(3), span_id: 's1', duration_ms: 120, status: 'fault', annotations: '{"tenant":"acme"}' }),
  sampleSpan({ start_time: at(90), span_id: 's2', name: 'SELECT', duration_ms: 80, annotations: null, sql_query: 'SELECT 1' }),
];

const queries: [Signal, string][] = [
  ['requests', 'status:>=500'],
  ['requests', 'status:5xx OR path:/health*'],
  ['requests', '"connection reset"'],
  ['requests', 'NOT path:/health* | stats count(), max(target_duration) as worst by tenant | sort tenant'],
  ['requests', '| timechart 1m count() by status'],
  ['requests', 'timing_unavailable:true | fields time, status, path'],
  ['requests', '| sort -status, time | head 3'],
  ['logs', 'properties.Order.Id:7 OR properties.Order.Id:8'],
  ['logs', 'properties.elapsed:>1000'],
  ['logs', 'NOT _exists_:exception'],
  ['logs', 'message:*50\\%_off*'],
  ['logs', '| stats count() by level | sort level'],
  ['spans', 'annotations.tenant:acme'],
  ['spans', '| stats p50(duration), count_distinct(name), sum(duration)'],
];

whenClickHouseAvailable('TQL on ClickHouse and DuckDB', () => {
  let server: TestClickHouseServer;
  let clickhouse: Store;
  let duckdb: Store;

  before(async () => {
    server = await startClickHouseServer();
    clickhouse = await createClickHouseStore({ url: server.url, database: 'tinsel_tql' });
    duckdb = await createDuckDbStore({ dataDir: ':memory:' });
    for (const store of [clickhouse, duckdb]) {
      await store.migrate();
      await store.append(requestsTable, requests);
      await store.append(logsTable, logs);
      await store.append(spansTable, spans);
    }
  });
  after(async () => {
    await clickhouse?.close();
    await duckdb?.close();
    await server?.stop();
  });

  it('gives the same answers as DuckDB', async () => {
    for (const [signal, text] of queries) {
      const [a, b] = await Promise.all([runTql(clickhouse, text, { signal, ...range }), runTql(duckdb, text, { signal, ...range })]);
      assert.ok(a.ok && b.ok, text);
      assert.ok(b.value.rows.length > 0, `${text} finds something`);
      // Rows of one time are ordered by each engine's own hash: the same rows, newest first, ties in either order.
      const unordered = !text.includes('|');
      const canonical = (rows: unknown[]) => (unordered ? rows.map((r) => JSON.stringify(r)).sort() : rows);
      assert.deepEqual(canonical(a.value.rows), canonical(b.value.rows), text);
      assert.deepEqual([a.value.scanned, a.value.total], [b.value.scanned, b.value.total], text);
    }
  });

  it('pages newest first through every match, one row a page, as DuckDB does', async () => {
    for (const store of [clickhouse, duckdb]) {
      const seen: number[] = [];
      let cursor: TqlCursor | null = null;
      for (let page = 0; page < 10; page++) {
        const answer = await runTql(store, '', { signal: 'requests', ...range, limit: 1, cursor });
        assert.ok(answer.ok);
        seen.push(...answer.value.rows.map((r) => Number(r.client_port)));
        if (answer.value.cursor === null) break;
        const next = decodeCursor(answer.value.cursor);
        assert.ok(next.ok);
        cursor = next.value;
      }
      assert.deepEqual([seen[0], [...seen].sort()], [4, [1, 2, 3, 4]], `${store.dialect.name}: every row once, newest first`);
      assert.equal(seen[3], 1);
    }
  });

  it('runs every query that compiles', async () => {
    await fc.assert(
      fc.asyncProperty(tqlText, fc.constantFrom(...signals), async (text, signal) => {
        const parsed = parseTql(text);
        if (!parsed.ok) return;
        const compiled = compileTql(clickhouse.dialect, parsed.value, { signal, ...range });
        if (!compiled.ok) return;
        await clickhouse.query(compiled.value.sql);
        await clickhouse.query(compiled.value.count);
      }),
      { numRuns: 150 },
    );
  });
});
