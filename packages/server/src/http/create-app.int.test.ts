import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { openTinsel, type Tinsel } from '../open-tinsel.ts';
import { awsDocExampleLines, testConfig } from '../test-support.ts';
import { createApp } from './create-app.ts';

describe('HTTP API over a real socket and a real DuckDB file', () => {
  let tinsel: Tinsel;
  let app: FastifyInstance;
  let base: string;
  const post = (path: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { method: 'POST', body, headers: { 'content-type': 'text/plain', ...headers } });

  before(async () => {
    tinsel = await openTinsel(testConfig());
    app = createApp({ ...tinsel, limits: { bodyBytes: 64 * 1024 } });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  after(async () => {
    await app.close();
    await tinsel.close();
  });

  it('answers the health check', async () => {
    const response = await fetch(`${base}/api/health`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok', store: 'duckdb' });
  });

  it('ingests raw ALB lines and dead-letters the bad one with its line number', async () => {
    const lines = awsDocExampleLines();
    const body = [...lines.slice(0, 2), 'this is not an access log entry', ...lines.slice(2)].join('\n');
    const response = await post('/api/ingest/alb', body, { 'x-tinsel-source': 'http-test' });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { accepted: lines.length, deadLettered: 1, skipped: 0 });
    const dead = (await (await fetch(`${base}/api/dead-letters?source=http-test`)).json()) as { rows: Record<string, unknown>[] };
    assert.equal(dead.rows.length, 1);
    assert.equal(dead.rows[0]?.position, 3);
    assert.equal(dead.rows[0]?.raw, 'this is not an access log entry');
    assert.match(String(dead.rows[0]?.reason), /\S/);
  });

  it('accepts a gzip body', async () => {
    const response = await post('/api/ingest/alb', gzipSync(awsDocExampleLines()[0]! + '\n'), { 'content-type': 'application/gzip', 'x-tinsel-source': 'gzip-test' });
    assert.deepEqual(await response.json(), { accepted: 1, deadLettered: 0, skipped: 0 });
  });

  it('finds the requests of a trace by any id form', async () => {
    for (const id of ['1-58337281-1d84f3d73c47ec4e58577259', '583372811d84f3d73c47ec4e58577259', 'Root=1-58337281-1d84f3d73c47ec4e58577259;Sampled=1']) {
      const response = await post('/api/query', JSON.stringify({ query: `trace:${id}`, from: '2018-07-01T00:00:00Z', to: '2018-07-03T00:00:00Z' }), { 'content-type': 'application/json' });
      assert.equal(response.status, 200);
      const result = (await response.json()) as { rows: Record<string, unknown>[] };
      assert.equal(result.rows.length, 1, id);
      assert.equal(result.rows[0]?.type, 'https');
      assert.equal(result.rows[0]?.time, '2018-07-02T22:23:00.186641Z');
    }
  });

  it('refuses a body over the limit with 413 before reading it', async () => {
    const response = await post('/api/ingest/alb', 'x'.repeat(70 * 1024));
    assert.equal(response.status, 413);
    assert.equal(((await response.json()) as { error: string }).error, 'TINSEL_ERR_BODY_TOO_LARGE');
  });

  it('cuts off a chunked body at the limit with 413, keeping the lines before the cut', async () => {
    const line = `${awsDocExampleLines()[0]}\n`;
    const chunks = Array.from({ length: 200 }, () => Buffer.from(line));
    const response = await fetch(`${base}/api/ingest/alb`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-tinsel-source': 'chunked-test' },
      body: new ReadableStream({ pull(controller) { const next = chunks.shift(); if (next) controller.enqueue(next); else controller.close(); } }),
      duplex: 'half',
    } as RequestInit);
    assert.equal(response.status, 413);
    const body = (await response.json()) as { error: string; accepted: number };
    assert.equal(body.error, 'TINSEL_ERR_BODY_TOO_LARGE');
    assert.ok(body.accepted > 0 && body.accepted < 200, `accepted ${body.accepted}`);
  });

  it('answers a bad query with a code and no SQL', async () => {
    const response = await post('/api/query', JSON.stringify({ query: 'status:>=' }), { 'content-type': 'application/json' });
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: string; message: string };
    assert.equal(body.error, 'TINSEL_ERR_QUERY_PARSE');
    assert.doesNotMatch(body.message, /SELECT|FROM/);
  });

  it('exposes its counters', async () => {
    const text = await (await fetch(`${base}/metrics`)).text();
    assert.match(text, /^tinsel_ingest_alb_dead_letters_total 1$/m);
  });
});
