// Overload: with the store held back, ingest past the gate's limits is
// refused before its body is read, in the way each real client retries on;
// what was admitted is stored once the store moves; and the server takes
// new work again by itself.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from '@elastic/elasticsearch';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import { sql, type Store, type StoreWriter } from '@tinsel/store';
import { defaultConfig } from '../config/config.ts';
import { openTinsel, type Tinsel } from '../open-tinsel.ts';
import { startListeners, type Listeners } from '../start-listeners.ts';
import { testConfig } from '../test-support.ts';

/** A store whose commits wait until the valve opens: a store that cannot keep up. */
function heldBack(store: Store): { store: Store; open: () => void } {
  let open = () => {};
  const valve = new Promise<void>((resolve) => (open = resolve));
  const held = Object.create(store) as Store;
  held.append = async (table, rows) => {
    await valve;
    return store.append(table, rows);
  };
  held.openWriter = async (): Promise<StoreWriter> => {
    const writer = await store.openWriter();
    return Object.assign(Object.create(writer) as StoreWriter, { commit: async () => (await valve, writer.commit()) });
  };
  return { store: held, open };
}

const ndjson = (marker: string, n: number) => Array.from({ length: n }, (_, i) => JSON.stringify({ msg: `${marker} ${i}`, level: 30, time: Date.now() })).join('\n');

describe('ingest under overload', () => {
  let tinsel: Tinsel;
  let listeners: Listeners;
  let open: () => void;
  const url = (listener: string, path: string) => `${listeners.addresses[listener]}${path}`;

  before(async () => {
    const real = await openTinsel(testConfig({ limits: { ...defaultConfig.limits, inflightRequests: 3 } }));
    const held = heldBack(real.store);
    open = held.open;
    tinsel = { ...real, store: held.store };
    listeners = await startListeners(tinsel.config, tinsel, () => {});
  });
  after(async () => {
    open();
    await listeners.close();
    await tinsel.close();
  });

  it('refuses past the limit in each client\'s own terms, stores what it admitted, and recovers', async () => {
    const admitted = ['first', 'second', 'third'].map((marker) =>
      fetch(url('api', '/api/ingest/logs'), { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: ndjson(`overload-${marker}`, 10) }),
    );
    await waitFor(async () => (await metric('tinsel_ingest_inflight_requests')) === 3);

    const api = await fetch(url('api', '/api/ingest/logs'), { method: 'POST', body: ndjson('overload-refused', 10) });
    assert.equal(api.status, 429);
    assert.ok(Number(api.headers.get('retry-after')) >= 1);
    assert.equal(((await api.json()) as { error: string }).error, 'TINSEL_ERR_OVERLOADED');

    const seq = await fetch(url('seq', '/api/events/raw'), { method: 'POST', headers: { 'content-type': 'application/vnd.serilog.clef' }, body: '{"@t":"2026-11-26T04:21:00Z","@mt":"overload-refused"}' });
    assert.equal(seq.status, 503, 'Seq sinks retry a 503');
    assert.ok(seq.headers.get('retry-after'));

    const otlp = await fetch(url('otlp', '/v1/logs'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"resourceLogs":[]}' });
    assert.equal(otlp.status, 429);
    assert.deepEqual(((await otlp.json()) as { code: number }).code, 8, 'RESOURCE_EXHAUSTED');

    const es = new Client({ node: listeners.addresses.es!, maxRetries: 0 });
    await assert.rejects(es.bulk({ operations: [{ index: { _index: 'app' } }, { message: 'overload-refused' }] }), (error: { meta?: { statusCode?: number; body?: { error?: { type?: string } } } }) => {
      assert.equal(error.meta?.statusCode, 429);
      assert.equal(error.meta?.body?.error?.type, 'es_rejected_execution_exception');
      return true;
    });
    await es.close();
    assert.ok((await metric('tinsel_ingest_requests_throttled_total')) >= 4);

    // A real OTLP exporter backs off on the 429 and gets through once the store moves.
    const exporter = new OTLPLogExporter({ url: url('otlp', '/v1/logs'), timeoutMillis: 20_000 });
    const outcome = new Promise<number>((resolve) => {
      const original = exporter.export.bind(exporter);
      exporter.export = (logs, done) => original(logs, (result) => (resolve(result.code), done(result)));
    });
    const provider = new LoggerProvider({ processors: [new BatchLogRecordProcessor({ exporter })] });
    provider.getLogger('overload').emit({ severityNumber: SeverityNumber.INFO, body: 'overload-otlp-retried' });
    const flushed = provider.forceFlush();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    open();

    for (const response of await Promise.all(admitted)) assert.equal(response.status, 200);
    await flushed;
    assert.equal(await outcome, 0, 'the exporter reports success after retrying');
    await provider.shutdown(); 
    assert.equal(await countLogs('overload-first'), 10);
    assert.equal(await countLogs('overload-second'), 10);
    assert.equal(await countLogs('overload-third'), 10);
    assert.equal(await countLogs('overload-refused'), 0, 'a refused request stores nothing');
    assert.equal(await countLogs('overload-otlp-retried'), 1);

    const after = await fetch(url('api', '/api/ingest/logs'), { method: 'POST', body: ndjson('overload-after', 5) });
    assert.equal(after.status, 200, 'the server takes work again by itself');
    assert.equal(await metric('tinsel_ingest_inflight_requests'), 0);
  });

  async function metric(name: string): Promise<number> {
    const text = await (await fetch(url('api', '/metrics'))).text();
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    return line ? Number(line.split(' ')[1]) : Number.NaN;
  }

  async function countLogs(marker: string): Promise<number> {
    const [row] = await tinsel.store.query(sql`SELECT count(*) AS n FROM logs WHERE message LIKE ${`${marker}%`}`);
    return Number(row?.n);
  }
});

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail('the condition never held');
}
