// Keys where each real client sends them, over real sockets and real client
// libraries, and refusals shaped as each real server words them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, errors } from '@elastic/elasticsearch';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import protobuf from 'protobufjs';
import { openTinsel, type Tinsel } from '../open-tinsel.ts';
import { startListeners, type Listeners } from '../start-listeners.ts';
import { testConfig } from '../test-support.ts';
import { hashApiKey } from './api-key-store.ts';

const INGEST = 'ingest-key-0123456789abcdef';
const READ = 'read-key-0123456789abcdef';
const LEGACY_SEQ = 'legacy-seq-key';
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('API keys as real clients send them', () => {
  let tinsel: Tinsel;
  let listeners: Listeners;
  const warnings: Record<string, unknown>[] = [];
  const at = (listener: string, path: string) => `${listeners.addresses[listener]}${path}`;

  before(async () => {
    const keys = [
      { name: 'shipper', keyHash: hashApiKey(INGEST), scopes: ['ingest' as const] },
      { name: 'reader', key: READ, scopes: ['read' as const] },
    ];
    const config = testConfig({ auth: { keys, allowUnauthenticated: false } });
    tinsel = await openTinsel({ ...config, logs: { ...config.logs, seqApiKeys: [LEGACY_SEQ] } });
    listeners = await startListeners(tinsel.config, tinsel, (event) => warnings.push(event));
  });
  after(async () => {
    await listeners.close();
    await tinsel.close();
  });

  it('takes the key from X-Tinsel-Key, Bearer, X-Seq-ApiKey, ?apiKey, ApiKey (id:key or raw) and Basic', async () => {
    const forms: [string, Record<string, string>][] = [
      ['', { 'x-tinsel-key': READ }],
      ['', { authorization: `Bearer ${READ}` }],
      ['', { 'x-seq-apikey': READ }],
      [`&apiKey=${READ}`, {}],
      ['', { authorization: `ApiKey ${b64(`reader:${READ}`)}` }],
      ['', { authorization: `ApiKey ${READ}` }],
      ['', { authorization: `Basic ${b64(`anyone:${READ}`)}` }],
    ];
    for (const [query, headers] of forms) {
      const response = await fetch(at('api', `/api/dead-letters?source=none${query}`), { headers });
      assert.equal(response.status, 200, JSON.stringify(headers) + query);
    }
  });

  it('answers the API with TINSEL_ERR_UNAUTHORIZED (401) and TINSEL_ERR_FORBIDDEN (403)', async () => {
    const missing = await fetch(at('api', '/api/stats'));
    assert.equal(missing.status, 401);
    assert.match(missing.headers.get('www-authenticate') ?? '', /^Bearer/);
    assert.equal(((await missing.json()) as { error: string }).error, 'TINSEL_ERR_UNAUTHORIZED');
    const under = await fetch(at('api', '/api/stats'), { headers: { authorization: `Bearer ${INGEST}` } });
    assert.equal(under.status, 403);
    const body = (await under.json()) as { error: string; message: string };
    assert.equal(body.error, 'TINSEL_ERR_FORBIDDEN');
    assert.match(body.message, /shipper.*read/);
    assert.equal((await fetch(at('api', '/api/health'))).status, 200);
  });

  it('answers the official Elasticsearch client as Elasticsearch with security on does', async () => {
    const raw = await fetch(at('es', '/'));
    assert.equal(raw.status, 401);
    assert.match(raw.headers.get('www-authenticate') ?? '', /Basic realm="security"/);
    const error = ((await raw.json()) as { error: { type: string; root_cause: { type: string }[] }; status: number });
    assert.deepEqual([error.error.type, error.error.root_cause[0]?.type, error.status], ['security_exception', 'security_exception', 401]);
    const stranger = new Client({ node: listeners.addresses.es!, auth: { apiKey: { id: 'x', api_key: 'not-a-key-at-all' } } });
    await assert.rejects(stranger.info(), (e: unknown) => e instanceof errors.ResponseError && e.statusCode === 401);
    for (const auth of [{ apiKey: { id: 'shipper', api_key: INGEST } }, { apiKey: b64(`shipper:${INGEST}`) }, { username: 'elastic', password: INGEST }, { bearer: INGEST }]) {
      const client = new Client({ node: listeners.addresses.es!, auth });
      assert.match((await client.info()).version.number, /^8\./);
      const bulk = await client.bulk({ operations: [{ create: { _index: 'logs-auth' } }, { '@timestamp': '2024-03-01T10:00:00Z', message: 'es-auth-ok' }] });
      assert.equal(bulk.errors, false, JSON.stringify(auth));
    }
  });

  it('answers an OTLP exporter with 401 and a google.rpc.Status, and accepts its configured header', async () => {
    const memory = new InMemorySpanExporter();
    const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(memory)] });
    provider.getTracer('auth').startSpan('GET /auth').end();
    const spans: ReadableSpan[] = memory.getFinishedSpans();
    const exportWith = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => new OTLPTraceExporter({ url: at('otlp', '/v1/traces'), headers }).export(spans, (result) => resolve(result.code)));
    assert.equal(await exportWith({}), 1);
    assert.equal(await exportWith({ authorization: `Bearer ${READ}` }), 1);
    assert.equal(await exportWith({ authorization: `Bearer ${INGEST}` }), 0);
    assert.equal(await exportWith({ 'x-tinsel-key': INGEST }), 0);
    const raw = await fetch(at('otlp', '/v1/traces'), { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, body: new Uint8Array() });
    assert.equal(raw.status, 401);
    const status = protobuf.Reader.create(new Uint8Array(await raw.arrayBuffer()));
    assert.equal(status.uint32(), (1 << 3) | 0);
    assert.equal(status.int32(), 16);
    await provider.shutdown();
  });

  it('answers Seq sinks with 401 and Seq body, and keeps logs.seqApiKeys working as ingest keys only', async () => {
    const clef = '{"@t":"2024-03-01T10:15:30Z","@mt":"seq auth"}';
    const refused = await fetch(at('seq', '/api/events/raw'), { method: 'POST', body: clef, headers: { 'content-type': 'application/vnd.serilog.clef' } });
    assert.equal(refused.status, 401);
    assert.equal(((await refused.json()) as { code: string; Error: string }).code, 'TINSEL_ERR_UNAUTHORIZED');
    for (const key of [LEGACY_SEQ, INGEST]) {
      const ok = await fetch(at('seq', '/api/events/raw'), { method: 'POST', body: clef, headers: { 'content-type': 'application/vnd.serilog.clef', 'x-seq-apikey': key } });
      assert.equal(ok.status, 201);
    }
    assert.equal((await fetch(at('seq', `/api/events/raw?clef&apiKey=${READ}`), { method: 'POST', body: clef })).status, 403);
    assert.equal((await fetch(at('api', '/api/stats'), { headers: { 'x-seq-apikey': LEGACY_SEQ } })).status, 403);
  });

  it('signs the web UI in with a key into a session cookie (HttpOnly, SameSite=Strict) that does not hold the key, and out again', async () => {
    const signIn = (key: string) => fetch(at('api', '/api/session'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key }) });
    assert.deepEqual(await (await fetch(at('api', '/api/session'))).json(), { authRequired: true, signedIn: false, methods: ['key'] });
    assert.equal((await signIn('not-a-key-0123456789abcdef')).status, 401);
    const response = await signIn(READ);
    assert.equal(response.status, 200);
    const cookie = response.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^tinsel_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    assert.ok(!cookie.includes(READ));
    const jar = { cookie: cookie.split(';')[0]! };
    const session = (await (await fetch(at('api', '/api/session'), { headers: jar })).json()) as Record<string, unknown>;
    assert.deepEqual([session.authRequired, session.signedIn, session.name, session.kind, session.scopes], [true, true, 'reader', 'key', ['read']]);
    assert.equal((await fetch(at('api', '/api/stats'), { headers: jar })).status, 200);
    assert.equal((await fetch(at('api', '/api/silences'), { method: 'POST', headers: { ...jar, 'content-type': 'application/json' }, body: '{}' })).status, 403);
    const out = await fetch(at('api', '/api/session'), { method: 'DELETE', headers: jar });
    assert.match(out.headers.get('set-cookie') ?? '', /^tinsel_session=; Path=\/; Max-Age=0;/);
    assert.equal((await fetch(at('api', '/api/stats'), { headers: jar })).status, 401);
  });

  it('does not warn about an open server when keys are configured', () => {
    assert.equal(warnings.filter((w) => w.level === 'warn' && String(w.msg).includes('no API key')).length, 0);
  });
});

describe('a server with no key', () => {
  it('refuses to start on every interface, before binding anything', async () => {
    const config = testConfig();
    const tinsel = await openTinsel(config);
    try {
      await assert.rejects(startListeners({ ...config, listen: { ...config.listen, host: '0.0.0.0' } }, tinsel, () => {}), /listen\.host is 0\.0\.0\.0.*auth\.keys and auth\.users are empty/);
    } finally {
      await tinsel.close();
    }
  });
});
