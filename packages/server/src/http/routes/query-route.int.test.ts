import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { parseAlbLine } from '@tinsel/ingest';
import { logsTable, requestsTable, signals, spansTable, type RequestRecord } from '@tinsel/model';
import { compileTql, parseTql } from '@tinsel/query';
import { sampleLog, sampleRequest, sampleSpan } from '@tinsel/store';
import { tqlText } from '../../../../query/src/tql/tql-arbitrary.ts';
import { openTinsel, type Tinsel } from '../../open-tinsel.ts';
import { awsDocExampleLines, testConfig } from '../../test-support.ts';
import { createApp } from '../create-app.ts';

const at = (minute: number, ms = 0) => Date.UTC(2026, 10, 24, 18, minute, 0, ms) * 1000;
const FROM = '2026-11-24T18:00:00Z';
const TO = '2026-11-24T18:59:59Z';

const shop: RequestRecord[] = [
  sampleRequest({ time: at(1), tenant: 'acme', instance_id: 'web-1', elb_status_code: 200, request_path: '/health', target_processing_time: 0.001 }),
  sampleRequest({ time: at(2), tenant: 'acme', instance_id: 'web-3', elb_status_code: 502, request_path: '/checkout', target_processing_time: 2.5 }),
  sampleRequest({ time: at(3), tenant: 'acme', instance_id: 'web-3', elb_status_code: 504, request_path: '/checkout', target_processing_time: null, timing_unavailable: true }),
  sampleRequest({ time: at(3), tenant: 'globex', instance_id: 'web-1', elb_status_code: 500, request_path: '/cart', target_processing_time: 0.3, client_port: 9 }),
  sampleRequest({ time: at(14), tenant: 'globex', instance_id: 'web-2', elb_status_code: 200, request_path: '/cart', target_processing_time: 0.1 }),
];
const logs = [
  sampleLog({ timestamp: at(2, 1), level: 'error', message: 'Connection RESET by peer', properties: '{"Order":{"Id":7},"tenant":"acme"}', span_id: 'l1' }),
  sampleLog({ timestamp: at(2, 2), level: 'info', message: 'Order 7 placed', exception: null, properties: '{"Order":{"Id":8},"tenant":"acme"}', span_id: 'l2' }),
  sampleLog({ timestamp: at(5), level: 'warn', message: 'slow query on db-1', exception: null, properties: '{"elapsed":1200}', span_id: 'l3' }),
];
const spans = [
  sampleSpan({ start_time: at(2), span_id: 's1', service: 'checkout', name: 'POST /orders', duration_ms: 120, status: 'fault', annotations: '{"tenant":"acme"}' }),
  sampleSpan({ start_time: at(2, 10), span_id: 's2', service: 'checkout', name: 'SELECT', duration_ms: 80, status: 'ok', sql_query: 'SELECT * FROM orders', annotations: null }),
  sampleSpan({ start_time: at(7), span_id: 's3', service: 'cart', name: 'GET /cart', duration_ms: 20, status: 'ok', annotations: '{"tenant":"globex"}' }),
];

describe('the search API over a real DuckDB file', () => {
  let tinsel: Tinsel;
  let app: FastifyInstance;
  const post = async (url: string, body: Record<string, unknown>) => {
    const response = await app.inject({ method: 'POST', url, payload: body });
    return { status: response.statusCode, body: response.json() };
  };
  const query = (body: Record<string, unknown>) => post('/api/query', { from: FROM, to: TO, ...body });

  before(async () => {
    tinsel = await openTinsel(testConfig());
    const aws = awsDocExampleLines().map((line) => parseAlbLine(line, 'aws-docs'));
    await tinsel.store.append(requestsTable, [...aws.flatMap((r) => (r.ok ? [r.value] : [])), ...shop]);
    await tinsel.store.append(logsTable, logs);
    await tinsel.store.append(spansTable, spans);
    app = createApp({ ...tinsel, limits: { bodyBytes: 1 << 20 } });
  });
  after(async () => {
    await app.close();
    await tinsel.close();
  });

  it('filters requests and counts what it scanned and matched', async () => {
    const { status, body } = await query({ query: 'status:>=500 host:web-3' });
    assert.equal(status, 200);
    assert.deepEqual(body.rows.map((r: RequestRecord) => r.elb_status_code), [504, 502]);
    assert.deepEqual(body.stats.scanned, 5);
    assert.deepEqual(body.stats.matched, 2);
    assert.equal(body.shape, 'rows');
    assert.match(body.explanation, /^Requests where status \(elb_status_code\) is at least 500 and host \(instance_id\) is "web-3"\.$/);
    assert.equal(body.cursor, undefined);
  });

  it('pages newest first with a cursor that neither repeats nor skips rows of equal time', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { body } = await post('/api/query', { query: '', from: '2018-01-01T00:00:00Z', to: '2018-12-31T00:00:00Z', limit: 2, cursor });
      seen.push(...body.rows.map((r: RequestRecord) => `${r.time} ${r.type} ${r.elb_status_code}`));
      cursor = body.cursor;
      pages++;
    } while (cursor && pages < 10);
    assert.equal(pages, 4);
    assert.equal(new Set(seen).size, 7);
    assert.deepEqual([...seen].sort((a, b) => b.slice(0, 27).localeCompare(a.slice(0, 27))).map((s) => s.slice(0, 27)), seen.map((s) => s.slice(0, 27)));
  });

  it('answers stats by fields, sorted as asked', async () => {
    const { body } = await query({ query: 'NOT path:/health* | stats count(), max(target_duration) as worst by tenant | sort tenant' });
    assert.equal(body.shape, 'stats');
    assert.deepEqual(body.rows, [
      { tenant: 'acme', count: 2, worst: 2500 },
      { tenant: 'globex', count: 2, worst: 300 },
    ]);
  });

  it('answers a timechart with its interval', async () => {
    const { body } = await query({ query: '| timechart 10m count() by status' });
    assert.equal(body.intervalSeconds, 600);
    assert.deepEqual(body.rows.map((r: Record<string, unknown>) => [r.time, r.status, r.count]), [
      ['2026-11-24T18:00:00.000000Z', 200, 1],
      ['2026-11-24T18:00:00.000000Z', 500, 1],
      ['2026-11-24T18:00:00.000000Z', 502, 1],
      ['2026-11-24T18:00:00.000000Z', 504, 1],
      ['2026-11-24T18:10:00.000000Z', 200, 1],
    ]);
  });

  it('draws a histogram with every bucket, empty ones included', async () => {
    const { body } = await post('/api/query/histogram', { query: 'tenant:acme', from: FROM, to: '2026-11-24T18:59:59.999999Z' });
    assert.equal(body.intervalSeconds, 60);
    assert.equal(body.buckets.length, 60);
    assert.equal(body.total, 3);
    assert.deepEqual(body.buckets.slice(0, 4).map((b: { count: number }) => b.count), [0, 1, 1, 1]);
    assert.equal(body.buckets[3].time, '2026-11-24T18:03:00.000000Z');
  });

  it('searches log text ignoring case, nested properties and missing fields', async () => {
    const messages = async (q: string) => (await query({ query: q, signal: 'logs' })).body.rows.map((r: { message: string }) => r.message);
    assert.deepEqual(await messages('"connection reset"'), ['Connection RESET by peer']);
    assert.deepEqual(await messages('properties.Order.Id:8'), ['Order 7 placed']);
    assert.deepEqual(await messages('properties.elapsed:>1000'), ['slow query on db-1']);
    assert.deepEqual(await messages('NOT _exists_:exception'), ['slow query on db-1', 'Order 7 placed']);
    assert.deepEqual(await messages('level:error OR msg:slow*'), ['slow query on db-1', 'Connection RESET by peer']);
    assert.deepEqual(await messages('-exception:boom'), ['slow query on db-1', 'Order 7 placed']);
    assert.deepEqual(await messages('level:ERROR OR level:Warning'), ['slow query on db-1', 'Connection RESET by peer']);
  });

  it('aggregates spans by annotation, with percentiles', async () => {
    const { body } = await query({ signal: 'spans', query: 'service:checkout | stats count(), p50(duration) by annotations.tenant' });
    assert.deepEqual(body.rows, [
      { 'annotations.tenant': 'acme', count: 1, p50_duration: 120 },
      { 'annotations.tenant': null, count: 1, p50_duration: 80 },
    ]);
  });

  it('finds a trace by any id form with no range given: first near the time in the id, then anywhere', async () => {
    // AWS's example rows carry trace ids from 2016 on requests from 2018, so the second look finds them.
    const { body } = await post('/api/query', { query: 'trace:Root=1-58337281-1d84f3d73c47ec4e58577259;Sampled=1 source:aws-docs' });
    assert.deepEqual(body.rows.map((r: RequestRecord) => r.type), ['https']);
    const spanTrace = await post('/api/query', { signal: 'spans', query: 'trace:5759e988bd862e3fe1be46a994272793 | stats count()' });
    assert.deepEqual(spanTrace.body.rows, [{ count: 3 }]);
  });

  it('lists fields with types and top values, JSON members included', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/fields?signal=logs&from=${FROM}&to=${TO}` });
    const body = response.json() as { sampled: number; fields: { name: string; type: string; top: { value: unknown; count: number }[]; aliases: string[] }[] };
    assert.equal(body.sampled, 3);
    const field = (name: string) => body.fields.find((f) => f.name === name);
    assert.equal(field('level')?.type, 'string');
    assert.deepEqual(field('properties.Order.Id')?.top, [{ value: 8, count: 1 }, { value: 7, count: 1 }]);
    assert.deepEqual(field('properties.tenant')?.top, [{ value: 'acme', count: 2 }]);
    assert.deepEqual(field('message')?.aliases, ['msg']);
  });

  it('refuses bad queries with a code, the column and what was expected, and no SQL', async () => {
    const cases: [Record<string, unknown>, string, number | null][] = [
      [{ query: 'status:>=' }, 'TINSEL_ERR_QUERY_PARSE', 10],
      [{ query: 'statsu:500' }, 'TINSEL_ERR_QUERY_FIELD', 1],
      [{ query: 'status:abc' }, 'TINSEL_ERR_QUERY_INVALID', 8],
      [{ query: '| stats avg(path)' }, 'TINSEL_ERR_QUERY_INVALID', 13],
      [{ query: '', cursor: 'not-a-cursor' }, 'TINSEL_ERR_QUERY_CURSOR', null],
      [{ query: '', signal: 'metrics' }, 'TINSEL_ERR_BAD_REQUEST', null],
      [{ query: '', from: 1700000000 }, 'TINSEL_ERR_BAD_REQUEST', null],
      [{ query: 42 }, 'TINSEL_ERR_BAD_REQUEST', null],
      [{ query: '', limit: 0 }, 'TINSEL_ERR_BAD_REQUEST', null],
      [{ query: 'status:500 OR '.repeat(2000) }, 'TINSEL_ERR_BAD_REQUEST', null],
    ];
    for (const [request, code, column] of cases) {
      const { status, body } = await query(request);
      assert.equal(status, 400, JSON.stringify(request));
      assert.equal(body.error, code);
      if (column !== null) assert.equal(body.column, column, body.message);
      if (column !== null) assert.equal(typeof body.expected, 'string');
      assert.doesNotMatch(body.message, /SELECT|FROM |\$\d/);
    }
    const { body } = await query({ query: 'statsu:500' });
    assert.match(body.message, /unknown field "statsu" in requests at column 1; did you mean status\?/);
  });

  it('runs every query that compiles without a store error', async () => {
    const from = at(0);
    const to = at(60);
    await fc.assert(
      fc.asyncProperty(tqlText, fc.constantFrom(...signals), async (text, signal) => {
        const parsed = parseTql(text);
        if (!parsed.ok) return;
        const compiled = compileTql(tinsel.store.dialect, parsed.value, { signal, from, to, limit: 5, nowMs: to / 1000 });
        if (!compiled.ok) return;
        await tinsel.store.query(compiled.value.sql);
        await tinsel.store.query(compiled.value.count);
      }),
      { numRuns: 150 },
    );
  });
});
