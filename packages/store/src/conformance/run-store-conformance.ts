import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deadLettersTable, logsTable, requestsTable, spansTable } from '@tinsel/model';
import { ident, sql } from '../sql.ts';
import type { Store } from '../store.ts';
import { sampleDeadLetter, sampleLog, sampleRequest, sampleSpan } from './sample-records.ts';
import { runQueryDialectChecks } from './query-dialect-checks.ts';

export interface StoreConformanceOptions {
  name: string;
  /** A new, empty store. `reopen` opens the same data again (persistence checks). */
  createStore(): Promise<{ store: Store; reopen?: () => Promise<Store> }>;
  /** Tests to skip, each with the reason: `{ 'persists across reopen': 'in-memory only' }`. */
  skip?: Record<string, string>;
}

const micros = (iso: string) => Date.parse(iso) * 1000;

/**
 * The behaviour every Store backend must have. Each backend's integration
 * test calls this with a factory for a real instance.
 */
export function runStoreConformance(options: StoreConformanceOptions): void {
  describe(`Store conformance: ${options.name}`, () => {
    let store: Store;
    let reopen: (() => Promise<Store>) | undefined;
    const test = (name: string, fn: () => Promise<void>) => {
      const reason = options.skip?.[name];
      it(name, reason ? { skip: reason } : {}, fn);
    };

    before(async () => {
      ({ store, reopen } = await options.createStore());
      await store.migrate();
    });
    after(async () => store.close());

    test('migrate is safe to run again', async () => {
      await store.migrate();
    });

    test('round-trips every requests column', async () => {
      const row = sampleRequest({ source: 'round-trip' });
      await store.append(requestsTable, [row]);
      const [back] = await store.query(sql`SELECT * FROM ${ident('requests')} WHERE source = ${'round-trip'}`);
      assert.ok(back);
      assert.equal(back.time, '2018-07-02T22:23:00.186641Z');
      assert.equal(back.request_creation_time, '2018-07-02T22:22:48.364000Z');
      assert.equal(back.trace_id, row.trace_id);
      assert.equal(back.sent_bytes, 5_000_000_000);
      assert.equal(back.request_processing_time, 0.086);
      assert.equal(back.timing_unavailable, false);
      for (const [name, value] of Object.entries(row)) {
        if (name === 'time' || name === 'request_creation_time') continue;
        assert.deepEqual(back[name], value, `column ${name}`);
      }
    });

    test('keeps nulls apart from zero', async () => {
      const row = sampleRequest({ source: 'nulls', target_processing_time: null, request_processing_time: 0, target_status_code: null, trace_id: null, timing_unavailable: true });
      await store.append(requestsTable, [row]);
      const [back] = await store.query(sql`SELECT request_processing_time, target_processing_time, target_status_code, trace_id, timing_unavailable FROM requests WHERE source = ${'nulls'}`);
      assert.deepEqual(back, { request_processing_time: 0, target_processing_time: null, target_status_code: null, trace_id: null, timing_unavailable: true });
    });

    test('keeps control characters, quotes and empty strings in text', async () => {
      const awkward = 'tab\there \x1f unit \x1e record\nline "quoted" \\ back';
      await store.append(requestsTable, [sampleRequest({ source: 'awkward', user_agent: awkward, redirect_url: '' }), sampleRequest({ source: 'awkward', user_agent: 'plain' })]);
      const rows = await store.query(sql`SELECT user_agent, redirect_url FROM requests WHERE source = ${'awkward'} ORDER BY user_agent DESC`);
      assert.deepEqual(rows, [{ user_agent: awkward, redirect_url: '' }, { user_agent: 'plain', redirect_url: null }]);
    });

    test('appends many rows across chunk boundaries', async () => {
      const base = micros('2026-01-01T00:00:00Z');
      // Nulls only in the first 2048 rows: a null must not leak into later chunks.
      const rows = Array.from({ length: 5000 }, (_, i) =>
        sampleRequest({
          source: 'bulk',
          time: base + i * 1_000_000,
          elb_status_code: i % 10 === 0 ? 502 : 200,
          user_agent: i < 2048 && i % 2 ? null : `agent ${i}`,
          target_port: i < 2048 && i % 3 === 0 ? null : i,
          // One value across the first chunk, varied after it, null at the end.
          redirect_url: i < 2048 ? 'https://example.com/one/value/for/the/chunk' : i < 4096 ? `https://example.com/${i}` : null,
        }),
      );
      await store.append(requestsTable, rows);
      const [count] = await store.query(
        sql`SELECT count(*) AS n, sum(CASE WHEN elb_status_code = 502 THEN 1 ELSE 0 END) AS bad, count(user_agent) AS agents, count(target_port) AS ports, sum(target_port) AS port_sum FROM requests WHERE source = ${'bulk'}`,
      );
      const ports = rows.filter((r) => r.target_port !== null);
      assert.deepEqual(count, { n: 5000, bad: 500, agents: 5000 - 1024, ports: ports.length, port_sum: ports.reduce((sum, r) => sum + r.target_port!, 0) });
      const [redirects] = await store.query(
        sql`SELECT count(DISTINCT redirect_url) AS distinct_urls, count(redirect_url) AS urls, min(redirect_url) AS first FROM requests WHERE source = ${'bulk'} AND time < ${store.dialect.timestamp(base + 4096 * 1_000_000)}`,
      );
      assert.deepEqual(redirects, { distinct_urls: 2049, urls: 4096, first: 'https://example.com/2048' });
      const [last] = await store.query(sql`SELECT user_agent, time FROM requests WHERE source = ${'bulk'} ORDER BY time DESC LIMIT 1`);
      assert.deepEqual(last, { user_agent: 'agent 4999', time: '2026-01-01T01:23:19.000000Z' });
    });

    test('appending nothing is a no-op', async () => {
      await store.append(requestsTable, []);
    });

    test('round-trips spans, logs and dead letters', async () => {
      await store.append(spansTable, [sampleSpan()]);
      await store.append(logsTable, [sampleLog()]);
      await store.append(deadLettersTable, [sampleDeadLetter()]);
      const [span] = await store.query(sql`SELECT trace_id, start_time, duration_ms FROM spans`);
      assert.deepEqual(span, { trace_id: '5759e988bd862e3fe1be46a994272793', start_time: '2016-06-09T22:11:20.000123Z', duration_ms: 250.333 });
      const [log] = await store.query(sql`SELECT level, properties FROM logs`);
      assert.deepEqual(log, { level: 'error', properties: '{"OrderId":7}' });
      const [dead] = await store.query(sql`SELECT position, reason FROM dead_letters`);
      assert.deepEqual(dead, { position: 3, reason: 'field 9 elb_status_code' });
    });

    test('binds values as parameters, never as SQL text', async () => {
      const hostile = `x'); DROP TABLE requests; --`;
      await store.append(requestsTable, [sampleRequest({ source: hostile })]);
      const rows = await store.query(sql`SELECT source FROM requests WHERE source = ${hostile}`);
      assert.deepEqual(rows, [{ source: hostile }]);
    });

    test('deletes with a parameterised statement', async () => {
      await store.append(requestsTable, [sampleRequest({ source: 'to-delete' })]);
      await store.execute(sql`DELETE FROM requests WHERE source = ${'to-delete'}`);
      const rows = await store.query(sql`SELECT count(*) AS n FROM requests WHERE source = ${'to-delete'}`);
      assert.deepEqual(rows, [{ n: 0 }]);
    });

    test('buckets time and computes quantiles through the dialect', async () => {
      const d = store.dialect;
      const rows = await store.query(
        sql`SELECT ${d.timeBucket(sql`time`, 60)} AS bucket, ${d.quantile(sql`target_processing_time`, 0.5)} AS p50, count(*) AS n FROM requests WHERE source = ${'bulk'} GROUP BY 1 ORDER BY 1 LIMIT 2`,
      );
      assert.deepEqual(rows, [
        { bucket: '2026-01-01T00:00:00.000000Z', p50: 0.048, n: 60 },
        { bucket: '2026-01-01T00:01:00.000000Z', p50: 0.048, n: 60 },
      ]);
    });

    test('filters by time range and trace id through the dialect', async () => {
      const d = store.dialect;
      const from = micros('2026-01-01T00:01:00Z');
      const rows = await store.query(
        sql`SELECT count(*) AS n FROM requests WHERE source = ${'bulk'} AND time >= ${d.timestamp(from)} AND time < ${d.timestamp(from + 60_000_000)}`,
      );
      assert.deepEqual(rows, [{ n: 60 }]);
      const traced = await store.query(sql`SELECT source FROM requests WHERE trace_id = ${d.traceId('583372811d84f3d73c47ec4e58577259')} AND source = ${'round-trip'}`);
      assert.deepEqual(traced, [{ source: 'round-trip' }]);
    });

    test('shows a writer\'s rows and ledger entry only once it commits', async () => {
      const writer = await store.openWriter();
      await writer.append(requestsTable, [sampleRequest({ source: 'tx-commit' }), sampleRequest({ source: 'tx-commit' })]);
      await writer.recordIngestedFile({ key: 'tx-commit', size: 1, sha256: 'cd', contentTag: null, rows: 2, deadLetters: 0, status: 'done', ingestedAt: '2026-01-01T00:00:00.000000Z' });
      assert.deepEqual(await store.query(sql`SELECT count(*) AS n FROM requests WHERE source = ${'tx-commit'}`), [{ n: 0 }]);
      assert.equal(await store.findIngestedFile('tx-commit'), undefined);
      await writer.commit();
      assert.deepEqual(await store.query(sql`SELECT count(*) AS n FROM requests WHERE source = ${'tx-commit'}`), [{ n: 2 }]);
      assert.equal((await store.findIngestedFile('tx-commit'))?.rows, 2);
    });

    test('discards a writer\'s rows on rollback', async () => {
      const writer = await store.openWriter();
      await writer.append(requestsTable, [sampleRequest({ source: 'tx-rollback' })]);
      await writer.execute(sql`DELETE FROM requests WHERE source = ${'bulk'}`);
      await writer.rollback();
      await writer.rollback();
      assert.deepEqual(await store.query(sql`SELECT count(*) AS n FROM requests WHERE source = ${'tx-rollback'}`), [{ n: 0 }]);
      assert.deepEqual(await store.query(sql`SELECT count(*) AS n FROM requests WHERE source = ${'bulk'}`), [{ n: 5000 }]);
    });

    test('lets two writers append at once', async () => {
      const [a, b] = await Promise.all([store.openWriter(), store.openWriter()]);
      await Promise.all([a.append(requestsTable, [sampleRequest({ source: 'tx-a' })]), b.append(requestsTable, [sampleRequest({ source: 'tx-b' })])]);
      await Promise.all([a.commit(), b.commit()]);
      assert.deepEqual(await store.query(sql`SELECT source, count(*) AS n FROM requests WHERE source IN (${'tx-a'}, ${'tx-b'}) GROUP BY source ORDER BY source`), [
        { source: 'tx-a', n: 1 },
        { source: 'tx-b', n: 1 },
      ]);
    });

    test('reads a JSON member whatever its key holds', async () => {
      await store.append(spansTable, [sampleSpan({ span_id: 'a1b2c3d4e5f60718', annotations: '{"tenant":"acme","odd \\"key\\".x":"yes","n":42}' })]);
      const d = store.dialect;
      const rows = await store.query(
        sql`SELECT ${d.jsonText(sql`annotations`, 'tenant')} AS tenant, ${d.jsonText(sql`annotations`, 'odd "key".x')} AS odd, ${d.jsonText(sql`annotations`, 'n')} AS n, ${d.jsonText(sql`annotations`, "x') OR 1=1 --")} AS hostile FROM spans WHERE span_id = ${'a1b2c3d4e5f60718'}`,
      );
      assert.deepEqual(rows, [{ tenant: 'acme', odd: 'yes', n: '42', hostile: null }]);
    });

    test('keeps a ledger of ingested files', async () => {
      assert.equal(await store.findIngestedFile('s3://b/k.log.gz'), undefined);
      const file = { key: 's3://b/k.log.gz', size: 10, sha256: 'ab', contentTag: '"9b2cf535f27731c974343645a3985328"', rows: 5, deadLetters: 1, status: 'partial' as const, ingestedAt: '2026-01-01T00:00:00.000000Z' };
      await store.recordIngestedFile(file);
      assert.deepEqual(await store.findIngestedFile(file.key), file);
      await store.recordIngestedFile({ ...file, status: 'done', rows: 6 });
      assert.equal((await store.findIngestedFile(file.key))?.status, 'done');
    });

    test('counts rows per table', async () => {
      const stats = await store.stats();
      assert.ok(stats.rows.requests >= 5000);
      assert.equal(stats.rows.spans, 2);
      assert.equal(stats.rows.logs, 1);
      assert.equal(stats.rows.dead_letters, 1);
    });

    test('compacts without losing rows', async () => {
      const before = await store.stats();
      await store.compact();
      assert.deepEqual((await store.stats()).rows, before.rows);
    });

    test('persists across reopen', async () => {
      assert.ok(reopen, 'the backend must provide reopen');
      await store.close();
      store = await reopen();
      const stats = await store.stats();
      assert.ok(stats.rows.requests >= 5000);
      assert.ok(stats.bytesOnDisk > 0);
    });

    runQueryDialectChecks(test, () => store);

    test('rejects a broken query with a store error that carries no SQL', async () => {
      await assert.rejects(store.query(sql`SELECT nope FROM ${ident('requests')}`), (error: Error & { code?: string }) => {
        assert.equal(error.code, 'TINSEL_ERR_STORE_QUERY');
        assert.doesNotMatch(error.message, /SELECT/);
        return true;
      });
    });

    // Last: it removes the rows of the tests above.
    test('retention removes what is past each cutoff and keeps the rest', async () => {
      const at = (iso: string) => micros(iso);
      await store.append(requestsTable, [
        sampleRequest({ source: 'retention', time: at('2030-01-01T06:00:00Z') }),
        sampleRequest({ source: 'retention', time: at('2030-01-03T06:00:00Z') }),
      ]);
      await store.append(logsTable, [sampleLog({ source: 'retention', timestamp: at('2030-01-01T06:00:00Z') }), sampleLog({ source: 'retention', timestamp: at('2030-01-03T06:00:00Z') })]);
      await store.append(spansTable, [sampleSpan({ span_id: 'aaaaaaaaaaaaaaa1', start_time: at('2030-01-01T06:00:00Z'), end_time: at('2030-01-01T06:00:01Z') })]);
      const outcomes = await store.applyRetention({ requests: new Date('2030-01-02T12:00:00Z'), logs: new Date('2030-01-02T12:00:00Z') });
      const count = async (table: string, extra = sql`1 = 1`) => Number((await store.query(sql`SELECT count(*) AS n FROM ${ident(table)} WHERE ${extra}`))[0]?.n);
      assert.equal(await count('requests', sql`source = ${'retention'}`), 1, 'the newer request stays');
      assert.equal(await count('requests', sql`source <> ${'retention'}`), 0, 'every older request went');
      assert.equal(await count('logs', sql`source = ${'retention'}`), 1);
      assert.ok((await count('spans')) >= 1, 'spans had no cutoff');
      const requests = outcomes.find((o) => o.table === 'requests');
      assert.ok(requests && requests.removedRows >= 1, 'the outcome counts the removed rows');
      assert.equal(requests.cutoff, '2030-01-02T12:00:00.000Z');
      assert.deepEqual(outcomes.map((o) => o.table).sort(), ['logs', 'requests']);
    });
  });
}
