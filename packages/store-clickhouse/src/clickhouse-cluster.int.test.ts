import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { logsTable, spansTable } from '@tinsel/model';
import { ident, runStoreConformance, sampleLog, sampleSpan, sql } from '@tinsel/store';
import { createClickHouseStore } from './clickhouse-store.ts';
import { whenClickHouseAvailable } from './testing/clickhouse-test-gate.ts';
import { startClickHouseCluster, type TestClickHouseCluster } from './testing/start-clickhouse-server.ts';

whenClickHouseAvailable('ClickHouse store (two-shard cluster)', () => {
  let cluster: TestClickHouseCluster;
  before(async () => {
    cluster = await startClickHouseCluster();
  });
  after(async () => cluster?.stop());

  const open = (database: string) =>
    createClickHouseStore({ url: cluster.shards[0]!.url, database, cluster: { name: cluster.cluster, shardUrls: cluster.shards.map((s) => s.url) } });

  runStoreConformance({
    name: 'clickhouse cluster',
    async createStore() {
      return { store: await open('tinsel'), reopen: () => open('tinsel') };
    },
  });

  describe('sharding by trace id', () => {
    it('keeps every row of a story on one shard and spreads stories over both', async () => {
      const store = await open('tinsel_shards');
      await store.migrate();
      const traces = Array.from({ length: 200 }, (_, i) => `5759e988bd862e3fe1be46a9${String(i).padStart(8, '0')}`);
      await store.append(spansTable, traces.flatMap((trace_id) => [sampleSpan({ trace_id, span_id: 'a000000000000001' }), sampleSpan({ trace_id, span_id: 'a000000000000002' })]));
      await store.append(logsTable, traces.map((trace_id) => sampleLog({ trace_id })));
      const perShard = await Promise.all(
        cluster.shards.map(async (shard) => {
          const local = await createClickHouseStore({ url: shard.url, database: 'tinsel_shards' });
          const rows = await local.query(sql`SELECT trace_id FROM spans_local UNION ALL SELECT assumeNotNull(trace_id) AS trace_id FROM logs_local`);
          await local.close();
          return new Set(rows.map((r) => String(r.trace_id)));
        }),
      );
      const [a, b] = perShard as [Set<string>, Set<string>];
      assert.ok(a.size > 50 && b.size > 50, `stories spread: ${a.size} / ${b.size}`);
      assert.equal([...a].filter((t) => b.has(t)).length, 0, 'no story on both shards');
      assert.equal(a.size + b.size, traces.length);
      const [count] = await store.query(sql`SELECT count() AS n FROM spans WHERE trace_id = ${store.dialect.traceId(traces[7]!)}`);
      assert.deepEqual(count, { n: 2 });

      // A story's reads go to the one shard holding the trace, on its own tables: a trace held by
      // the second shard is found through the entry (the first shard) only if the read went there.
      const onSecond = traces.filter((t) => b.has(t)).slice(0, 10);
      const onFirst = traces.filter((t) => a.has(t)).slice(0, 10);
      for (const trace of [...onFirst, ...onSecond]) {
        const scope = await store.traceScope(trace);
        assert.notEqual(scope, store, 'a cluster read is scoped');
        const [spans] = await scope.query(sql`SELECT count() AS n FROM ${ident('spans')} WHERE trace_id = ${store.dialect.traceId(trace)}`);
        const [logs] = await scope.query(sql`SELECT count() AS n FROM ${ident('logs')} WHERE trace_id = ${store.dialect.traceId(trace)}`);
        assert.deepEqual([spans, logs], [{ n: 2 }, { n: 1 }], `trace ${trace} read from its shard`);
      }
      await store.close();
    });
  });
});
