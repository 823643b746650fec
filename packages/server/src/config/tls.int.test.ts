// listen.tls over real sockets: every HTTP listener answers HTTPS with the
// configured certificate (a self-signed one made for the test), real clients
// that trust it get through, plain HTTP does not, and the web UI's cookie is
// marked Secure. Bad files stop the configuration with the key named.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { Client } from '@elastic/elasticsearch';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { openTinsel, type Tinsel } from '../open-tinsel.ts';
import { startListeners, type Listeners } from '../start-listeners.ts';
import { loadConfig } from './load-config.ts';
import { makeTestCertificate, opensslSkipReason } from './test-certificate.ts';

const KEY = 'tls-test-key-0123456789abcdef';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function httpsCall(url: string, ca: Buffer, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { method: options.method ?? 'GET', headers: options.headers, ca }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('HTTPS on every listener (listen.tls)', { skip: opensslSkipReason() }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'tinsel-tls-'));
  let ca: Buffer;
  let caFile: string;
  let tinsel: Tinsel;
  let listeners: Listeners;

  before(async () => {
    mkdirSync(join(dir, 'tls'));
    const made = makeTestCertificate(join(dir, 'tls'), 'server');
    ca = made.cert;
    caFile = made.certFile;
    // Relative paths resolve against the folder of tinsel.yaml.
    writeFileSync(
      join(dir, 'tinsel.yaml'),
      [
        `dataDir: ${join(dir, 'data')}`,
        'listen: { host: 127.0.0.1, port: 0, xrayUdpPort: off, otlpPort: 0, seqPort: 0, esPort: 0, tls: { cert: tls/server-cert.pem, key: tls/server-key.pem } }',
        `auth: { keys: [{ name: ci, key: ${KEY}, scopes: [ingest, read] }] }`,
      ].join('\n'),
    );
    const config = loadConfig({ file: join(dir, 'tinsel.yaml'), env: {} });
    assert.ok(config.ok, config.ok ? '' : config.reason);
    tinsel = await openTinsel(config.value);
    listeners = await startListeners(config.value, tinsel, () => {});
  });
  after(async () => {
    await listeners?.close();
    await tinsel?.close();
  });

  it('binds the API, OTLP, Seq and Elasticsearch listeners as https', async () => {
    for (const name of ['api', 'otlp', 'seq', 'es']) assert.match(listeners.addresses[name] ?? '', /^https:\/\/127\.0\.0\.1:\d+$/, name);
    assert.equal((await httpsCall(`${listeners.addresses.api}/api/health`, ca)).status, 200);
    const clef = await httpsCall(`${listeners.addresses.seq}/api/events/raw?clef`, ca, { method: 'POST', headers: { 'x-seq-apikey': KEY }, body: '{"@t":"2024-03-01T10:00:00Z","@mt":"over tls"}' });
    assert.equal(clef.status, 201);
  });

  it('refuses a client that does not trust the certificate, and plain HTTP', async () => {
    await assert.rejects(httpsCall(`${listeners.addresses.api}/api/health`, Buffer.from('')), /self-signed|unable to verify|certificate/i);
    const plain = listeners.addresses.api!.replace('https:', 'http:');
    const outcome = await new Promise<string>((resolve) => {
      const req = httpRequest(`${plain}/api/health`, (res) => {
        res.resume();
        resolve(`status ${res.statusCode}`);
      });
      req.on('error', (error) => resolve(`error ${error.message}`));
      req.end();
    });
    assert.ok(!outcome.startsWith('status 200'), outcome);
  });

  it('serves the Elasticsearch client and an OTLP exporter that trust the certificate', async () => {
    const client = new Client({ node: listeners.addresses.es!, auth: { apiKey: { id: 'ci', api_key: KEY } }, tls: { ca } });
    assert.match((await client.info()).version.number, /^8\./);
    const bulk = await client.bulk({ operations: [{ create: { _index: 'logs-tls' } }, { '@timestamp': '2024-03-01T10:00:00Z', message: 'bulk over tls' }] });
    assert.equal(bulk.errors, false);
    await client.close();

    const memory = new InMemorySpanExporter();
    const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(memory)] });
    provider.getTracer('tls').startSpan('GET /over-tls').end();
    const exporter = new OTLPTraceExporter({ url: `${listeners.addresses.otlp}/v1/traces`, headers: { authorization: `Bearer ${KEY}` }, httpAgentOptions: { ca } });
    const code = await new Promise<number>((resolve) => exporter.export(memory.getFinishedSpans(), (result) => resolve(result.code)));
    assert.equal(code, 0);
    await exporter.shutdown();
    await provider.shutdown();
  });

  it('serves seq-logging, which uses the global fetch, when Node trusts the certificate through NODE_EXTRA_CA_CERTS', async () => {
    // Node reads NODE_EXTRA_CA_CERTS at start only, so the client runs in its own process.
    const script = `import { Logger } from 'seq-logging';
      const logger = new Logger({ serverUrl: process.argv[1], apiKey: process.argv[2], onError: (e) => { console.error(String(e)); process.exitCode = 1; } });
      logger.emit({ timestamp: new Date(), level: 'Information', messageTemplate: 'seq-logging over {Transport}', properties: { Transport: 'tls' } });
      await logger.flush();
      await logger.close();`;
    const { stderr } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, listeners.addresses.seq!, KEY], { cwd: new URL('../../../..', import.meta.url).pathname, env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile } });
    assert.equal(stderr, '');
    const query = await httpsCall(`${listeners.addresses.api}/api/query`, ca, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tinsel-key': KEY }, body: JSON.stringify({ query: '"seq-logging over"', signal: 'logs', from: '-1h' }) });
    assert.equal(query.status, 200, query.body);
    assert.equal((JSON.parse(query.body) as { rows: unknown[] }).rows.length, 1);
  });

  it('marks the web UI session cookie Secure', async () => {
    const response = await httpsCall(`${listeners.addresses.api}/api/session`, ca, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: KEY }) });
    assert.equal(response.status, 200);
    assert.match(String(response.headers['set-cookie']), /; HttpOnly; SameSite=Strict; Secure$/);
  });

  it('stops the configuration, naming the key, when the files do not fit', () => {
    const other = makeTestCertificate(join(dir, 'tls'), 'other');
    copyFileSync(other.keyFile, join(dir, 'tls', 'foreign-key.pem'));
    const load = (tls: string) => {
      const file = join(dir, 'bad.yaml');
      writeFileSync(file, `listen: { tls: ${tls} }\n`);
      return loadConfig({ file, env: {} });
    };
    const mismatch = load('{ cert: tls/server-cert.pem, key: tls/foreign-key.pem }');
    assert.ok(!mismatch.ok && /^listen\.tls: .*server-cert\.pem and .*foreign-key\.pem cannot be used together/.test(mismatch.reason), mismatch.ok ? '' : mismatch.reason);
    const swapped = load('{ cert: tls/server-key.pem, key: tls/server-cert.pem }');
    assert.ok(!swapped.ok && swapped.reason.startsWith('listen.tls.cert: ') && swapped.reason.includes('is not a PEM certificate'));
    const missing = load('{ cert: tls/server-cert.pem, key: tls/nowhere.pem }');
    assert.ok(!missing.ok && missing.reason === `listen.tls.key: cannot read ${join(dir, 'tls', 'nowhere.pem')} (ENOENT)`);
  });
});
