// Seq's ingestion endpoint over real sockets: the answers Seq gives, and
// nothing half-stored when a batch is refused.
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { propertiesOf, startLogTestServer, type LogTestServer } from './log-test-server.ts';

const CLEF = 'application/vnd.serilog.clef';
const event = (marker: string, extra = '') => `{"@t":"2024-03-01T10:15:30.1234567Z","@mt":"${marker} {N}","N":1${extra}}`;

describe('POST /api/events/raw', () => {
  let server: LogTestServer;
  before(async () => {
    server = await startLogTestServer({ limits: { bodyBytes: 1024 * 1024 } });
  });
  after(() => server.close());
  const post = (body: string | Buffer, init: { path?: string; type?: string; headers?: Record<string, string>; port?: 'seq' | 'api' } = {}) =>
    fetch(`${server.listeners.addresses[init.port ?? 'seq']}${init.path ?? '/api/events/raw'}`, { method: 'POST', body, headers: { 'content-type': init.type ?? CLEF, ...init.headers } });

  it('answers 201 with Seq body for CLEF, on the Seq port and the API port, by content type or ?clef', async () => {
    for (const [port, path, type] of [['seq', '/api/events/raw', CLEF], ['api', '/api/events/raw?clef', 'text/plain'], ['seq', '/ingest/clef', `${CLEF}; charset=utf-8`]] as const) {
      const response = await post(`${event(`clef-ok-${port}-${path}`)}\r\n${event(`clef-ok-${port}-${path}`)}`, { port, path, type });
      assert.equal(response.status, 201);
      assert.deepEqual(await response.json(), { MinimumLevelAccepted: null });
      assert.equal((await server.logsWith(`clef-ok-${port}-${path}`)).length, 2);
    }
  });

  it('answers 201 to an empty body and to gzip', async () => {
    assert.equal((await post('')).status, 201);
    assert.equal((await post(gzipSync(event('clef-gzip')))).status, 201);
    assert.equal((await server.logsWith('clef-gzip')).length, 1);
  });

  it('refuses the whole batch with a 400 naming the bad event; only the bad event is dead-lettered, and both are counted', async () => {
    const before = server.tinsel.counters.snapshot();
    const lines = [event('half-stored-a'), '{"@t":"2024-02-30T00:00:00Z","@mt":"half-stored-b"}', event('half-stored-c')];
    const response = await post(lines.join('\n'));
    assert.equal(response.status, 400);
    const body = (await response.json()) as { Error: string; code: string };
    assert.match(body.Error, /^Invalid event at line 2: @t: impossible timestamp/);
    assert.equal(body.code, 'TINSEL_ERR_LOG_BATCH_REJECTED');
    assert.equal((await server.logsWith('half-stored')).length, 0);
    const dead = (await server.deadLetters()).filter((d) => String(d.raw).includes('half-stored'));
    assert.deepEqual(dead.map((d) => [d.position, d.source]), [[2, 'seq-clef']]);
    const counters = server.tinsel.counters.snapshot();
    assert.equal((counters.tinsel_seq_clef_events_rejected_total ?? 0) - (before.tinsel_seq_clef_events_rejected_total ?? 0), 1);
    assert.equal((counters.tinsel_seq_clef_batches_rejected_total ?? 0) - (before.tinsel_seq_clef_batches_rejected_total ?? 0), 1);
  });

  it('answers 400 for invalid JSON and wrong types, whatever the line', async () => {
    for (const bad of ['{"@t":', '[1]', '{"@t":"2024-03-01T10:15:30Z","@l":5}', '{"@t":"2024-03-01T10:15:30Z","@x":{}}', '{"@mt":"no time"}']) {
      const response = await post(`${event('wrong-type')}\n${bad}`);
      assert.equal(response.status, 400, bad);
      assert.match(((await response.json()) as { Error: string }).Error, /^Invalid event at line 2: /);
    }
    assert.equal((await server.logsWith('wrong-type')).length, 0);
  });

  it('accepts the older {"Events":[…]} batch, and refuses a bad one by event index', async () => {
    const good = { Timestamp: '2024-03-01T10:15:30.000Z', Level: 'Information', MessageTemplate: 'legacy {Who}', Properties: { Who: 'ada' } };
    const ok = await post(JSON.stringify({ Events: [good] }), { type: 'application/json' });
    assert.equal(ok.status, 201);
    const [row] = await server.logsWith('legacy');
    assert.equal(row?.message, 'legacy "ada"');
    assert.deepEqual(propertiesOf(row), { Who: 'ada' });
    const bad = await post(JSON.stringify({ Events: [good, { Level: 'Error' }] }), { type: 'application/json' });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { Error: string }).Error, /^Invalid event at event 2: the event has no @t/);
    assert.equal((await post('{"Events":3}', { type: 'application/json' })).status, 400);
  });

  it('answers 413 past the body limit', async () => {
    const response = await post(`${event('too-large', `,"Blob":"${'x'.repeat(2 * 1024 * 1024)}"`)}`);
    assert.equal(response.status, 413);
    assert.ok(((await response.json()) as { Error?: string }).Error);
  });

  it('answers the start-up probe GET /api', async () => {
    const response = await fetch(`${server.listeners.addresses.seq}/api`);
    assert.equal(response.status, 200);
    assert.match(String(((await response.json()) as { Product: string }).Product), /Seq/);
  });
});

describe('Seq API keys', () => {
  let server: LogTestServer;
  before(async () => {
    server = await startLogTestServer({ logs: { traceIdProperties: ['TraceId'], seqApiKeys: ['k-1'] } });
  });
  after(() => server.close());

  it('accepts a configured key from the header or the query, and refuses others with 401', async () => {
    const url = `${server.listeners.addresses.seq}/api/events/raw?clef`;
    const send = (suffix: string, headers: Record<string, string> = {}) => fetch(url + suffix, { method: 'POST', body: event('keyed'), headers });
    assert.equal((await send('', { 'X-Seq-ApiKey': 'k-1' })).status, 201);
    assert.equal((await send('&apiKey=k-1')).status, 201);
    const refused = await send('', { 'X-Seq-ApiKey': 'wrong' });
    assert.equal(refused.status, 401);
    assert.equal(((await refused.json()) as { code: string }).code, 'TINSEL_ERR_SEQ_API_KEY');
    assert.equal((await send('')).status, 401);
    assert.equal((await server.logsWith('keyed')).length, 2);
  });
});
