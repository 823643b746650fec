import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { Client } from '@elastic/elasticsearch';
import winston from 'winston';
import { ElasticsearchTransport } from 'winston-elasticsearch';
import { sql } from '@tinsel/store';
import { openTinsel, type Tinsel } from './open-tinsel.ts';
import { startListeners, type Listeners } from './start-listeners.ts';
import { testConfig } from './test-support.ts';

type Row = Record<string, unknown>;

describe('Elasticsearch bulk from real clients', () => {
  let tinsel: Tinsel;
  let listeners: Listeners;
  let es: string;

  before(async () => {
    tinsel = await openTinsel(testConfig({ limits: { bodyBytes: 64 * 1024 } }));
    listeners = await startListeners(tinsel.config, tinsel, () => {});
    es = listeners.addresses.es!;
  });
  after(async () => {
    await listeners.close();
    await tinsel.close();
  });

  const logsWhere = async (marker: string): Promise<Row[]> =>
    tinsel.store.query(sql`SELECT level, message, message_template, exception, properties, trace_id, span_id, service, host, source FROM logs WHERE message LIKE ${`%${marker}%`} ORDER BY timestamp, message`);

  it('answers client.info() with an 8.x version and passes the product check', async () => {
    const client = new Client({ node: es });
    const info = await client.info();
    assert.match(info.version.number, /^8\./);
    assert.equal(info.tagline, 'You Know, for Search');
    const health = await client.cluster.health();
    assert.equal(health.status, 'green');
    await client.close();
  });

  it('stores every document of client.bulk and client.helpers.bulk with level, message, properties and trace id', async () => {
    const client = new Client({ node: es });
    const traceId = '5759e988bd862e3fe1be46a994272793';
    const response = await client.bulk({
      operations: [
        { index: { _index: 'logs-js' } },
        { '@timestamp': '2026-11-26T04:21:00.123Z', 'log.level': 'warn', message: 'js-bulk slow checkout', trace: { id: traceId }, span: { id: '53995c3f42cd8ad8' }, service: { name: 'checkout' }, order: { id: 42 } },
        { create: { _index: 'logs-js', _id: 'fixed-1' } },
        { '@timestamp': 1795666860456, level: 'Error', message: 'js-bulk failed', fields: { TraceId: `1-5759e988-bd862e3fe1be46a994272793` } },
      ],
    });
    assert.equal(response.errors, false);
    assert.deepEqual(response.items.map((item) => Object.values(item)[0]?.status), [201, 201]);
    assert.equal(response.items[1]?.create?._id, 'fixed-1');
    const rows = await logsWhere('js-bulk');
    assert.equal(rows.length, 2);
    assert.deepEqual(rows.map((r) => [r.level, r.message, r.trace_id]), [
      ['warn', 'js-bulk slow checkout', traceId],
      ['error', 'js-bulk failed', traceId],
    ]);
    assert.equal(rows[0]!.span_id, '53995c3f42cd8ad8');
    assert.equal(rows[0]!.service, 'checkout');
    assert.deepEqual(JSON.parse(String(rows[0]!.properties)).order, { id: 42 });

    const documents = Array.from({ length: 250 }, (_, i) => ({ '@timestamp': new Date(Date.UTC(2026, 10, 26, 5, 0, i % 60)).toISOString(), severity: 'info', message: `helper-doc ${i}`, fields: { n: i } }));
    const stats = await client.helpers.bulk({ datasource: documents, onDocument: () => ({ create: { _index: 'logs-helper' } }), flushBytes: 4096 });
    assert.equal(stats.successful, 250);
    assert.equal(stats.failed, 0);
    const stored = await logsWhere('helper-doc');
    assert.equal(stored.length, 250);
    assert.deepEqual(new Set(stored.map((r) => JSON.parse(String(r.properties)).n)).size, 250);

    const single = await client.index({ index: 'logs-js', document: { '@timestamp': '2026-11-26T04:22:00Z', level: 'Debug', message: 'js-index single' } });
    assert.equal(single.result, 'created');
    assert.deepEqual((await logsWhere('js-index single')).map((r) => r.level), ['debug']);
    await client.close();
  });

  it('stores what winston-elasticsearch sends, with its level, message, meta and trace id', async () => {
    const transport = new ElasticsearchTransport({ level: 'debug', clientOpts: { node: es }, flushInterval: 50, indexPrefix: 'logs-winston' });
    const logger = winston.createLogger({ transports: [transport] });
    logger.warn('winston-es payment slow', { orderId: 7, trace_id: 'bd862e3fe1be46a9bd862e3fe1be46a9', span_id: '0123456789abcdef', customer: { tier: 'gold' } });
    logger.debug('winston-es cache miss', { key: 'k1' });
    logger.error('winston-es payment failed', { orderId: 8 });
    let rows: Row[] = [];
    for (let attempt = 0; attempt < 100 && rows.length < 3; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      rows = await logsWhere('winston-es');
    }
    await transport.flush();
    logger.close();
    assert.equal(rows.length, 3);
    const byMessage = new Map(rows.map((r) => [r.message, r]));
    const slow = byMessage.get('winston-es payment slow')!;
    assert.equal(slow.level, 'warn');
    assert.equal(slow.trace_id, 'bd862e3fe1be46a9bd862e3fe1be46a9');
    assert.equal(slow.span_id, '0123456789abcdef');
    assert.deepEqual(JSON.parse(String(slow.properties)).customer, { tier: 'gold' });
    assert.equal(byMessage.get('winston-es cache miss')!.level, 'debug');
    assert.equal(byMessage.get('winston-es payment failed')!.level, 'error');
  });

  it('answers a bad document with a per-item error and stores the rest of the batch', async () => {
    const body = [
      '{"index":{"_index":"mixed"}}', '{"message":"mixed-batch good 1"}',
      '{"index":{"_index":"mixed"}}', '{"message":"mixed-batch bad","@timestamp":"yesterday"}',
      '{"index":{"_index":"mixed"}}', '{"message": "mixed-batch broken',
      '{"delete":{"_index":"mixed","_id":"1"}}',
      '{"create":{"_index":"mixed"}}', '{"message":"mixed-batch good 2"}',
    ].join('\n') + '\n';
    const response = await fetch(`${es}/_bulk`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-elastic-product'), 'Elasticsearch');
    const answer = (await response.json()) as { errors: boolean; items: Record<string, { status: number; error?: { type: string } }>[] };
    assert.equal(answer.errors, true);
    assert.deepEqual(answer.items.map((item) => Object.keys(item)[0]), ['index', 'index', 'index', 'delete', 'create']);
    assert.deepEqual(answer.items.map((item) => Object.values(item)[0]!.status), [201, 400, 400, 400, 201]);
    assert.equal(answer.items[1]!.index!.error!.type, 'document_parsing_exception');
    assert.equal(answer.items[3]!.delete!.error!.type, 'illegal_argument_exception');
    assert.deepEqual((await logsWhere('mixed-batch')).map((r) => r.message), ['mixed-batch good 1', 'mixed-batch good 2']);
    const dead = await tinsel.store.query(sql`SELECT position, raw FROM dead_letters WHERE source = ${'es-bulk'} AND raw LIKE ${'%mixed-batch%'} ORDER BY position`);
    assert.deepEqual(dead.map((d) => d.position), [4, 6]);
    assert.equal(tinsel.counters.get('tinsel_es_bulk_unsupported_actions_total'), 1);
  });

  it('answers only the paths filter_path names, as Logstash asks', async () => {
    const body = '{"index":{"_index":"f"}}\n{"message":"filtered ok"}\n{"index":{"_index":"f"}}\n[]\n';
    const response = await fetch(`${es}/_bulk?filter_path=errors,items.*.error,items.*.status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const answer = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(answer), ['errors', 'items']);
    assert.deepEqual(answer.items, [{ index: { status: 201 } }, { index: { status: 400, error: { type: 'document_parsing_exception', reason: 'failed to parse: the document is not a JSON object' } } }]);
  });

  it('refuses a malformed action line whole and stores nothing of it', async () => {
    const body = '{"index":{"_index":"x"}}\n{"message":"whole-refusal 1"}\n{"upsert":{}}\n{}\n';
    const response = await fetch(`${listeners.addresses.api}/_bulk`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
    assert.equal(response.status, 400);
    const answer = (await response.json()) as { error: { type: string; root_cause: unknown[] }; status: number };
    assert.equal(answer.error.type, 'illegal_argument_exception');
    assert.equal(answer.status, 400);
    assert.deepEqual(await logsWhere('whole-refusal'), []);
  });

  it('reads gzip bodies, the index from the URL and compatibility content types, on the API port too', async () => {
    const body = gzipSync('{"index":{}}\n{"message":"gzip-body on api","level":"Warning"}\n');
    const response = await fetch(`${listeners.addresses.api}/from-url/_bulk`, {
      method: 'POST',
      headers: { 'content-type': 'application/vnd.elasticsearch+x-ndjson; compatible-with=8', 'content-encoding': 'gzip' },
      body,
    });
    const answer = (await response.json()) as { items: { index: { _index: string; status: number } }[] };
    assert.deepEqual(answer.items[0]!.index._index, 'from-url');
    assert.deepEqual((await logsWhere('gzip-body')).map((r) => r.level), ['warn']);
  });

  it('answers a body over the limit with 413 and the product header', async () => {
    const line = `{"index":{"_index":"big"}}\n{"message":"${'x'.repeat(1000)}"}\n`;
    const response = await fetch(`${es}/_bulk`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: line.repeat(100) });
    assert.equal(response.status, 413);
    assert.equal(response.headers.get('x-elastic-product'), 'Elasticsearch');
    const bomb = gzipSync(Buffer.alloc(1024 * 1024, 0x20));
    const inflated = await fetch(`${es}/_bulk`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip' }, body: bomb });
    assert.equal(inflated.status, 413);
  });

  it('answers the start-up calls shippers make', async () => {
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${es}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: response.status, product: response.headers.get('x-elastic-product'), text: await response.text() };
    };
    assert.equal((await call('HEAD', '/')).status, 200);
    assert.match((await call('GET', '/_license')).text, /"status":"active"/);
    assert.match((await call('GET', '/_xpack')).text, /"ilm":\{"available":true,"enabled":true\}/);
    assert.equal((await call('HEAD', '/_index_template/serilog-events-template')).status, 404);
    assert.equal((await call('PUT', '/_index_template/serilog-events-template', { index_patterns: ['logstash-*'] })).status, 200);
    assert.equal((await call('HEAD', '/_index_template/serilog-events-template')).status, 200);
    assert.match((await call('GET', '/_index_template/serilog-events-template')).text, /logstash-\*/);
    assert.equal((await call('HEAD', '/_template/logstash')).status, 404);
    assert.equal((await call('PUT', '/_template/logstash', { index_patterns: ['logstash-*'] })).status, 200);
    assert.equal((await call('GET', '/_ilm/policy/logstash-policy')).status, 404);
    assert.equal((await call('PUT', '/_ilm/policy/logstash-policy', { policy: { phases: {} } })).status, 200);
    assert.equal((await call('HEAD', '/_alias/logstash')).status, 404);
    assert.equal((await call('PUT', `/${encodeURIComponent('<logstash-{now/d}-000001>')}`, { aliases: { logstash: { is_write_index: true } } })).status, 200);
    assert.equal((await call('HEAD', '/_alias/logstash')).status, 200);
    assert.equal((await call('HEAD', '/logs-app')).status, 200);
    assert.equal((await call('GET', '/_cluster/health?wait_for_status=yellow&timeout=30s')).status, 200);
    assert.match((await call('GET', '/_cat/indices?format=json')).text, /"index":"logs-js"/);
    assert.match((await call('GET', '/_cat/health?v')).text, /^epoch\s+timestamp\s+cluster\s+status/);
    // Serilog.Sinks.Elasticsearch before 9 reads the version as the first line of `_cat/nodes?h=v`.
    assert.equal((await call('GET', '/_cat/nodes?h=v')).text, '8.17.0\n');
    assert.match((await call('GET', '/_nodes/http')).text, /publish_address/);
    const unknown = await call('GET', '/_security/_authenticate');
    assert.equal(unknown.status, 400);
    assert.equal(unknown.product, 'Elasticsearch');
    // The API port keeps its own root and one-segment paths.
    assert.equal((await fetch(`${listeners.addresses.api}/logs-app`)).headers.get('x-elastic-product'), null);
    assert.equal((await fetch(`${listeners.addresses.api}/_cluster/health`)).status, 200);
  });
});
