import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { openTinsel, type Tinsel } from './open-tinsel.ts';
import { startListeners, type Listeners } from './start-listeners.ts';
import { testConfig } from './test-support.ts';

const LIMIT = 64 * 1024;

/** Every ingest route, with the content type its real clients send. */
const ROUTES = [
  { path: '/api/ingest/alb', type: 'text/plain' },
  { path: '/TraceSegments', type: 'application/x-amz-json-1.1' },
  { path: '/v1/traces', type: 'application/x-protobuf' },
  { path: '/v1/logs', type: 'application/json' },
  { path: '/api/events/raw', type: 'application/vnd.serilog.clef' },
  { path: '/_bulk', type: 'application/x-ndjson' },
  { path: '/api/ingest/logs', type: 'application/x-ndjson' },
] as const;

/** The routes that take a gzip body, and one line of their format to repeat into a bomb. */
const GZIP_ROUTES = [
  { path: '/v1/traces', type: 'application/json', line: '{"resourceSpans":[' },
  { path: '/v1/logs', type: 'application/json', line: '{"resourceLogs":[' },
  { path: '/api/events/raw', type: 'application/vnd.serilog.clef', line: '{"@t":"2026-11-26T04:21:00Z","@mt":"x"}\n' },
  { path: '/_bulk', type: 'application/x-ndjson', line: '{"index":{"_index":"logs"}}\n{"message":"x"}\n' },
  { path: '/api/ingest/logs', type: 'application/x-ndjson', line: '{"msg":"x","level":30,"time":1795666860000}\n' },
] as const;

interface Answer {
  status: number;
  body: string;
}

/**
 * Sends the headers and the first `sent` bytes of a body that declares
 * `declared` bytes, then waits for the answer without sending the rest:
 * an answer at all proves the server did not wait to read the body whole.
 */
function declareMoreThanSent(url: string, path: string, type: string, declared: number, sent: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, { method: 'POST', headers: { 'content-type': type, 'content-length': String(declared) } });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, body }));
      req.destroy();
    });
    req.on('error', reject);
    req.write(Buffer.alloc(sent, 'a'));
  });
}

/**
 * Streams a chunked body (no Content-Length) far past the limit, stopping
 * when the server answers; `closed` says whether the server then closed the
 * connection itself, as it must once it leaves a body unread.
 */
function streamPastLimit(url: string, path: string, type: string, total: number): Promise<Answer & { closed: boolean }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest(`${url}${path}`, { method: 'POST', headers: { 'content-type': type, 'transfer-encoding': 'chunked' } });
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      const finish = (): void => {
        const socket = req.socket;
        const done = (closed: boolean): void => {
          clearTimeout(timer);
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body, closed });
        };
        const timer = setTimeout(() => done(false), 5_000);
        if (socket === null || socket.destroyed) done(true);
        else socket.once('close', () => done(true));
      };
      res.on('end', finish);
      res.on('error', finish);
    });
    // A server that stops reading may reset the connection after answering; only an error before any answer fails.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(8 * 1024, 'a');
    let written = 0;
    const pump = (): void => {
      while (!answered && written < total) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe(`request bodies over limits.bodyBytes (${LIMIT} bytes)`, () => {
  let tinsel: Tinsel;
  let listeners: Listeners;
  let api = '';

  before(async () => {
    tinsel = await openTinsel(testConfig({ limits: { bodyBytes: LIMIT } }));
    listeners = await startListeners(tinsel.config, tinsel, () => {});
    api = listeners.addresses.api ?? '';
  });
  after(async () => {
    await listeners.close();
    await tinsel.close();
  });

  for (const route of ROUTES) {
    it(`${route.path}: a declared length over the limit gets 413 before the body is sent`, async () => {
      const answer = await declareMoreThanSent(api, route.path, route.type, 100 * LIMIT, 1024);
      assert.equal(answer.status, 413, answer.body);
    });

    it(`${route.path}: a chunked body is cut off with 413 once past the limit`, async () => {
      const answer = await streamPastLimit(api, route.path, route.type, 64 * LIMIT);
      assert.equal(answer.status, 413, answer.body);
      assert.ok(answer.closed, 'the server closes a connection whose body it left unread');
    });
  }

  // The ports real clients are pointed at (4318, 5341, 9200 by default) apply the same limit.
  for (const [listener, route] of [['otlp', ROUTES[2]], ['otlp', ROUTES[3]], ['seq', ROUTES[4]], ['es', ROUTES[5]]] as const) {
    it(`${route.path} on the ${listener} listener: declared or streamed past the limit gets 413`, async () => {
      const url = listeners.addresses[listener] ?? '';
      assert.notEqual(url, '', `${listener} listener`);
      assert.equal((await declareMoreThanSent(url, route.path, route.type, 100 * LIMIT, 1024)).status, 413);
      const streamed = await streamPastLimit(url, route.path, route.type, 64 * LIMIT);
      assert.equal(streamed.status, 413, streamed.body);
      assert.ok(streamed.closed);
    });
  }

  for (const route of GZIP_ROUTES) {
    it(`${route.path}: a gzip bomb is refused, not inflated whole`, async () => {
      // About 16 MB inflated from well under the limit on the wire.
      const bomb = gzipSync(Buffer.from(route.line.repeat(Math.ceil((16 * 1024 * 1024) / route.line.length))), { level: 9 });
      assert.ok(bomb.length < LIMIT, `bomb is ${bomb.length} bytes on the wire`);
      const response = await fetch(`${api}${route.path}`, { method: 'POST', headers: { 'content-type': route.type, 'content-encoding': 'gzip' }, body: bomb });
      const text = await response.text();
      assert.ok(response.status === 400 || response.status === 413, `${response.status} ${text}`);
      assert.match(text, /inflat|limit|large/i);
    });
  }

  it('/api/ingest/alb: a gzip bomb of one endless line is refused at the line cap, not read whole', async () => {
    // The route streams (and inflates) line by line; a line with no end is what would grow without bound.
    const bomb = gzipSync(Buffer.alloc(48 * 1024 * 1024, 'a'), { level: 9 });
    assert.ok(bomb.length < LIMIT, `bomb is ${bomb.length} bytes on the wire`);
    const response = await fetch(`${api}/api/ingest/alb`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: bomb });
    const text = await response.text();
    assert.equal(response.status, 400, text);
    assert.match(text, /line runs past/);
  });

  it('still answers after every refusal', async () => {
    assert.equal((await fetch(`${api}/api/health`)).ok, true);
  });
});
