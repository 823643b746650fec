import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { requestsTable } from '@tinsel/model';
import { runStoreConformance, sampleRequest, sql } from '@tinsel/store';
import { createClickHouseStore } from './clickhouse-store.ts';
import { ClickHouseWriter } from './clickhouse-writer.ts';
import { whenClickHouseAvailable } from './testing/clickhouse-test-gate.ts';
import { startClickHouseServer, type TestClickHouseServer } from './testing/start-clickhouse-server.ts';

whenClickHouseAvailable('ClickHouse store (one server)', () => {
  let server: TestClickHouseServer;
  before(async () => {
    server = await startClickHouseServer();
  });
  after(async () => server?.stop());

  runStoreConformance({
    name: 'clickhouse',
    async createStore() {
      const open = () => createClickHouseStore({ url: server.url, database: 'tinsel' });
      return { store: await open(), reopen: open };
    },
  });

  describe('ClickHouse writer and retention', () => {
    const count = async (store: Awaited<ReturnType<typeof createClickHouseStore>>, source: string) =>
      (await store.query(sql`SELECT count() AS n FROM requests WHERE source = ${source}`))[0]?.n;

    it('marks a file partial before it writes rows through, and removes them on rollback', async () => {
      const store = await createClickHouseStore({ url: server.url, database: 'tinsel_writer' });
      await store.migrate();
      const writer = new ClickHouseWriter(store, 10);
      await writer.append(requestsTable, Array.from({ length: 25 }, () => sampleRequest({ source: 'big.log' })));
      assert.equal((await store.findIngestedFile('big.log'))?.status, 'partial');
      assert.equal(await count(store, 'big.log'), 25);
      await writer.rollback();
      assert.equal(await count(store, 'big.log'), 0);
      assert.equal((await store.findIngestedFile('big.log'))?.status, 'partial', 'the next run reads the file again');
      await store.close();
    });

    it('stores a large append split into concurrent inserts whole and in order of its rows', async () => {
      const store = await createClickHouseStore({ url: server.url, database: 'tinsel_split', insertRows: 1000, concurrentInserts: 2 });
      await store.migrate();
      const rows = Array.from({ length: 5500 }, (_, i) => sampleRequest({ source: 'split', client_port: i, request_path: `/p/${'é'.repeat(i % 50)}${i}` }));
      await store.append(requestsTable, rows);
      const [summary] = await store.query(sql`SELECT count() AS n, uniqExact(client_port) AS ports, sum(client_port) AS total FROM requests WHERE source = 'split'`);
      assert.deepEqual(summary, { n: 5500, ports: 5500, total: (5499 * 5500) / 2 });
      const [last] = await store.query(sql`SELECT request_path FROM requests WHERE client_port = 5499`);
      assert.equal(last?.request_path, `/p/${'é'.repeat(5499 % 50)}5499`);
      await store.close();
    });

    it('drops day partitions older than the retention, and only those', async () => {
      const store = await createClickHouseStore({ url: server.url, database: 'tinsel_retention', retentionDays: 30 });
      await store.migrate();
      const now = Date.UTC(2026, 0, 31);
      await store.append(requestsTable, [
        sampleRequest({ source: 'old', time: Date.UTC(2025, 11, 1) * 1000 }),
        sampleRequest({ source: 'recent', time: Date.UTC(2026, 0, 30) * 1000 }),
      ]);
      const outcomes = await store.applyRetention({ requests: new Date(now - 30 * 86_400_000) });
      assert.equal(outcomes.reduce((sum, o) => sum + o.droppedPartitions, 0), 1);
      assert.equal(await count(store, 'old'), 0);
      assert.equal(await count(store, 'recent'), 1);
      await store.close();
    });
  });
});
