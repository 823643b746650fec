// The logs' full-text index against a real DuckDB store: a search narrowed
// by the index finds exactly what a plain scan finds, in events written
// before the index existed as well as in indexed ones.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { logsTable, type LogRecord } from '@tinsel/model';
import { sql, type Store } from '@tinsel/store';
import { createDuckDbStore } from '@tinsel/store-duckdb';
import { createClickHouseStore } from '@tinsel/store-clickhouse';
import { startClickHouseServer, whenClickHouseAvailable, type TestClickHouseServer } from '@tinsel/store-clickhouse/testing';
import { IngestCounters, LOG_BLOCK_ROWS, writeLogBatch } from '@tinsel/ingest';
import { compileTql, findTextScope, parseTql, runCompiled, runHistogram, runTql } from '@tinsel/query';

const HOUR = 3_600_000_000;
const T0 = 1_764_000_000_000_000;
const range = { signal: 'logs' as const, from: T0 - HOUR, to: T0 + 100 * HOUR, limit: 1000 };

const event = (timestamp: number, message: string | null, exception: string | null = null): LogRecord => ({
  timestamp, level: 'info', message, message_template: null, exception, properties: null, trace_id: null, span_id: null, service: 'web', host: null, source: 'ndjson',
});

async function openStore(): Promise<Store> {
  const store = await createDuckDbStore({ dataDir: ':memory:' });
  await store.migrate();
  return store;
}

/** The same query without the index: every row in range read and tested. */
async function plainScan(store: Store, query: string): Promise<{ total: number | null; messages: string[] }> {
  const parsed = parseTql(query);
  assert.ok(parsed.ok);
  const compiled = compileTql(store.dialect, parsed.value, range);
  assert.ok(compiled.ok);
  const answer = await runCompiled(store, compiled.value);
  return { total: answer.total, messages: answer.rows.map((r) => String(r.message)).sort() };
}

async function indexed(store: Store, query: string): Promise<{ total: number | null; messages: string[] }> {
  const answer = await runTql(store, query, range);
  assert.ok(answer.ok);
  return { total: answer.value.total, messages: answer.value.rows.map((r) => String(r.message)).sort() };
}

/** Legacy events, eight indexed batches, and searches answered through the index as a scan answers them. */
async function findsOldAndNewEvents(store: Store): Promise<void> {
  await store.append(logsTable, [event(T0, 'legacy Quokka sighting'), event(T0 + 10, 'plain old line')]);
  const counters = new IngestCounters();
  for (let hour = 1; hour <= 8; hour++) {
    await writeLogBatch(store, counters, { source: 'ndjson', records: [event(T0 + hour * HOUR, `batch ${hour} ordinary text`), event(T0 + hour * HOUR + 5, hour === 5 ? null : 'more text', hour === 5 ? 'System.TimeoutException: quokka timeout' : null)], rejected: [] });
  }
  const [blocks] = await store.query(sql`SELECT count(*) AS n, count(bloom) AS indexed FROM log_blocks`);
  assert.deepEqual([Number(blocks?.n), Number(blocks?.indexed)], [9, 8]);
  const parsed = parseTql('QUOKKA');
  assert.ok(parsed.ok);
  const scope = await findTextScope(store, 'logs', parsed.value.filter, range.from, range.to);
  assert.deepEqual(scope, [[T0, T0 + 10], [T0 + 5 * HOUR, T0 + 5 * HOUR + 5]]);
  assert.deepEqual(await indexed(store, 'QUOKKA'), { total: 2, messages: ['legacy Quokka sighting', 'null'] });
  assert.deepEqual(await indexed(store, 'quokka level:info'), await plainScan(store, 'quokka level:info'));
  assert.deepEqual(await indexed(store, 'ordinary'), await plainScan(store, 'ordinary'));
  const histogram = await runHistogram(store, parsed.value, { signal: 'logs', from: range.from, to: range.to, intervalSeconds: 3600 });
  assert.ok(histogram.ok);
  assert.equal(histogram.value.total, 2);
  // 40 one-event transactions: the first 32 small blocks (8 above, 24 here) become one, 16 wait.
  for (let i = 0; i < 40; i++) await writeLogBatch(store, counters, { source: 'ndjson', records: [event(T0 + 20 * HOUR + i, i === 30 ? 'late numbat' : `single ${i}`)], rejected: [] });
  const [after] = await store.query(sql`SELECT count(*) AS n, count(bloom) AS indexed, sum(rows) AS events FROM log_blocks`);
  assert.deepEqual([Number(after?.n), Number(after?.indexed), Number(after?.events)], [1 + 1 + 16, 1 + 16, 2 + 16 + 40]);
  assert.deepEqual(await indexed(store, 'QUOKKA'), { total: 2, messages: ['legacy Quokka sighting', 'null'] });
  assert.deepEqual(await indexed(store, 'numbat'), { total: 1, messages: ['late numbat'] });
}

whenClickHouseAvailable('full-text index on ClickHouse', () => {
  let server: TestClickHouseServer;
  before(async () => {
    server = await startClickHouseServer();
  });
  after(async () => {
    await server?.stop();
  });

  it('finds a word in events stored before the index and in indexed ones, and prunes blocks', async () => {
    const store = await createClickHouseStore({ url: server.url, database: 'tinsel_full_text' });
    await store.migrate();
    try {
      await findsOldAndNewEvents(store);
    } finally {
      await store.close();
    }
  });
});

describe('full-text index', () => {
  it('finds a word in events stored before the index and in indexed ones, and prunes blocks', async () => {
    const store = await openStore();
    await findsOldAndNewEvents(store);
    await store.close();
  });

  it('leaves a search to the scan when it has no run of three letters or digits, or no index covers the range', async () => {
    const store = await openStore();
    await store.append(logsTable, [event(T0, 'no index here')]);
    const short = parseTql('"ab"');
    const word = parseTql('index');
    assert.ok(short.ok && word.ok);
    assert.equal(await findTextScope(store, 'logs', short.value.filter, range.from, range.to), null);
    assert.equal(await findTextScope(store, 'logs', word.value.filter, range.from, range.to), null);
    assert.deepEqual(await indexed(store, 'index'), { total: 1, messages: ['no index here'] });
    await store.close();
  });

  it('merges the blocks of small transactions and still finds every match', async () => {
    const store = await openStore();
    const counters = new IngestCounters();
    const perBatch = 250;
    const batches = Math.ceil((LOG_BLOCK_ROWS * 1.5) / perBatch);
    for (let b = 0; b < batches; b++) {
      const records = Array.from({ length: perBatch }, (_, i) => event(T0 + (b * perBatch + i) * 1000, b % 17 === 3 && i === 7 ? `rare wombat ${b}` : `routine line ${b * perBatch + i}`));
      await writeLogBatch(store, counters, { source: 'ndjson', records, rejected: [] });
    }
    const [blocks] = await store.query(sql`SELECT count(*) AS n, sum(rows) AS events FROM log_blocks`);
    assert.ok(Number(blocks?.n) < batches / 2, `${blocks?.n} blocks for ${batches} batches`);
    assert.equal(Number(blocks?.events), batches * perBatch);
    const found = await indexed(store, 'wombat');
    assert.deepEqual(found, await plainScan(store, 'wombat'));
    assert.equal(found.total, Math.ceil(batches / 17));
    await store.close();
  });

  it('never loses a match a plain scan finds (property)', async () => {
    const word = fc.constantFrom('alpha', 'Beta', 'gamma7', 'DELTA', 'eps', 'zeta-9', 'Ωmega', 'timeout', 'TimeoutException', 'a1', 'xq');
    const line = fc.option(fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' ')), { nil: null });
    const batch = fc.array(fc.tuple(line, fc.option(line, { nil: null })), { minLength: 1, maxLength: 4 });
    const needle = fc.oneof(word, fc.tuple(word, word).map(([a, b]) => `"${a} ${b}"`), word.map((w) => `${w.slice(0, 3)}*`), word.map((w) => w.slice(1, 5)));
    await fc.assert(
      fc.asyncProperty(fc.array(batch, { minLength: 1, maxLength: 40 }), fc.array(line, { maxLength: 3 }), needle, async (batches, legacy, query) => {
        const store = await openStore();
        try {
          await store.append(logsTable, legacy.map((message, i) => event(T0 + i, message)));
          const counters = new IngestCounters();
          for (const [b, records] of batches.entries()) {
            await writeLogBatch(store, counters, { source: 'ndjson', records: records.map(([message, exception], i) => event(T0 + (b + 1) * HOUR + i, message, exception)), rejected: [] });
          }
          assert.deepEqual(await indexed(store, query), await plainScan(store, query));
        } finally {
          await store.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
