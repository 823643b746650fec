// writeLogBatch against a real DuckDB store: rows and dead letters land
// together or not at all, concurrent batches share transactions, and a
// failed transaction is neither stored nor counted.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deadLettersTable, type LogRecord } from '@tinsel/model';
import { sql, type Store } from '@tinsel/store';
import { createDuckDbStore } from '@tinsel/store-duckdb';
import { IngestCounters, writeLogBatch } from '@tinsel/ingest';

const record = (message: string): LogRecord => ({
  timestamp: 1_709_288_130_000_000,
  level: 'info',
  message,
  message_template: null,
  exception: null,
  properties: '{"Order":{"Id":7}}',
  trace_id: '5759e988bd862e3fe1be46a994272793',
  span_id: null,
  service: null,
  host: null,
  source: 'seq-clef',
});

async function openStore(): Promise<Store> {
  const store = await createDuckDbStore({ dataDir: ':memory:' });
  await store.migrate();
  return store;
}

const count = async (store: Store, table: 'logs' | 'dead_letters') => Number((await store.query(table === 'logs' ? sql`SELECT count(*) AS n FROM logs` : sql`SELECT count(*) AS n FROM dead_letters`))[0]?.n);

describe('writeLogBatch', () => {
  it('stores rows and dead letters and counts both under the source name', async () => {
    const store = await openStore();
    const counters = new IngestCounters();
    await writeLogBatch(store, counters, { source: 'seq-clef', records: [record('a'), record('b')], rejected: [{ position: 3, reason: 'bad', raw: 'x' }] });
    assert.equal(await count(store, 'logs'), 2);
    const [letter] = await store.query(sql`SELECT signal, source, position, reason, raw FROM dead_letters`);
    assert.deepEqual(letter, { signal: 'logs', source: 'seq-clef', position: 3, reason: 'bad', raw: 'x' });
    assert.equal(counters.get('tinsel_seq_clef_events_total'), 2);
    assert.equal(counters.get('tinsel_seq_clef_events_rejected_total'), 1);
    await store.close();
  });

  it('stores concurrent batches, each whole, and resolves each once stored', async () => {
    const store = await openStore();
    const counters = new IngestCounters();
    await Promise.all(Array.from({ length: 20 }, (_, i) => writeLogBatch(store, counters, { source: 'otlp', records: [record(`c${i}`), record(`d${i}`)], rejected: [] })));
    assert.equal(await count(store, 'logs'), 40);
    assert.equal(counters.get('tinsel_otlp_events_total'), 40);
    await store.close();
  });

  it('leaves nothing half-stored and counts nothing when the transaction fails', async () => {
    const store = await openStore();
    // The dead letters' append fails after the rows' append succeeded in the same transaction.
    const failing: Store = Object.create(store) as Store;
    failing.openWriter = async () => {
      const writer = await store.openWriter();
      const append = writer.append.bind(writer);
      writer.append = (async (table, rows) => {
        if (table.name === deadLettersTable.name) throw new Error('disk full');
        return append(table, rows);
      }) as typeof writer.append;
      return writer;
    };
    const counters = new IngestCounters();
    await assert.rejects(writeLogBatch(failing, counters, { source: 'ndjson', records: [record('e')], rejected: [{ position: 1, reason: 'bad', raw: 'y' }] }), /disk full/);
    assert.equal(await count(store, 'logs'), 0);
    assert.equal(await count(store, 'dead_letters'), 0);
    assert.deepEqual(counters.snapshot(), {});
    // The queue goes on after a failure.
    await writeLogBatch(store, counters, { source: 'ndjson', records: [record('f')], rejected: [] });
    assert.equal(await count(store, 'logs'), 1);
    await store.close();
  });
});
