import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { initTinsel, shutdownTinsel, type TinselClient } from '@tinsel/node';
import { createTenantApp } from '../../../../examples/express-tenant-app/app.ts';
import { startDbStandIn, type DbStandIn } from '../../../../examples/express-tenant-app/db-stand-in.ts';
import { openTinsel, type Tinsel } from '../open-tinsel.ts';
import { startListeners, type Listeners } from '../start-listeners.ts';
import { testConfig } from '../test-support.ts';
import { startAlbProxy, type AlbProxy } from './alb-proxy.ts';

interface Story {
  traceId: string;
  requests: Array<Record<string, unknown>>;
  spans: Array<Record<string, unknown>>;
  logs: Array<{ level: string; message: string; exception: string | null; properties: Record<string, unknown> | null }>;
}

/** GET through the proxy with a tenant's Host; resolves with the status and the trace header answered. */
function get(proxyUrl: string, path: string, headers: Record<string, string>): Promise<{ status: number; trace: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${proxyUrl}${path}`, { headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, trace: String(res.headers['x-amzn-trace-id'] ?? '') }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function listen(app: { listen(port: number, host: string, cb: () => void): Server }): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
}

async function uploadAlbObject(api: string, path: string): Promise<{ accepted: number }> {
  const bytes = readFileSync(path);
  const response = await fetch(`${api}/api/ingest/alb/file`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-tinsel-source-key': path, 'x-tinsel-source-size': String(statSync(path).size), 'x-tinsel-source-sha256': createHash('sha256').update(bytes).digest('hex') },
    body: bytes,
  });
  assert.equal(response.status, 200);
  return (await response.json()) as { accepted: number };
}

describe('@tinsel/node end to end: client → alb-proxy → Express app with pino → Tinsel', () => {
  let tinsel: Tinsel;
  let listeners: Listeners;
  let api: string;
  let db: DbStandIn;
  let sdk: TinselClient;
  let app: { server: Server; url: string };
  let proxy: AlbProxy;

  before(async () => {
    tinsel = await openTinsel(testConfig());
    listeners = await startListeners(tinsel.config, tinsel, () => {});
    api = listeners.addresses.api!;
    sdk = initTinsel({ service: 'tenant-app', endpoint: api, sampling: { reservoirPerSecond: 100, fixedRate: 1 }, captureLocals: true, queue: { intervalMs: 50 } });
    db = await startDbStandIn();
    app = await listen(createTenantApp({ dbUrl: db.url, tinsel: sdk }).app);
    proxy = await startAlbProxy({
      host: '127.0.0.1', port: 0, target: app.url, flushMs: 60_000,
      layout: { logDir: mkdtempSync(join(tmpdir(), 'tinsel-alb-proxy-')), accountId: '123456789012', region: 'us-east-1', lbId: 'app.local-proxy.0123456789abcdef', nodeIp: '127.0.0.1' },
    });
  });
  after(async () => {
    await proxy.close();
    app.server.closeAllConnections();
    app.server.close();
    await db.close();
    await shutdownTinsel();
    await listeners.close();
    await tinsel.close();
  });

  it('tells the failing request’s story: its ALB row, its spans and its log lines with context and locals', async () => {
    const ok = await get(proxy.url, '/api/orders/o-7', { host: 'globex.shop.test' });
    assert.equal(ok.status, 200);
    const failed = await get(proxy.url, '/api/orders/o-42/pay', { host: 'acme.shop.test', 'x-user': 'ann', 'x-card-token': 'tok_live_secret' });
    assert.equal(failed.status, 500);
    const root = /Root=(1-[0-9a-f]{8}-[0-9a-f]{24})/.exec(failed.trace)?.[1];
    assert.ok(root, `the app answers the trace header: ${failed.trace}`);

    const objects = await proxy.flush();
    assert.equal(objects.length, 1);
    assert.equal((await uploadAlbObject(api, objects[0]!)).accepted, 2);
    await sdk.flush();

    const story = (await (await fetch(`${api}/api/story/${root}`)).json()) as Story;
    assert.equal(story.requests.length, 1);
    assert.equal(story.requests[0]!.elb_status_code, 500);
    assert.equal(story.requests[0]!.target_status_code, 500);
    assert.equal(story.requests[0]!.request_path, '/api/orders/o-42/pay');
    assert.equal(story.requests[0]!.request_port, Number(new URL(proxy.url).port));

    const server = story.spans.find((s) => s.parent_span_id === null || s.parent_span_id === undefined);
    assert.ok(server, 'a server span');
    assert.equal(server.status, 'fault');
    assert.ok(story.spans.some((s) => s.parent_span_id === server.span_id && String(s.name).startsWith('127.0.0.1')), 'a client span for the database call');

    const error = story.logs.find((l) => l.level === 'error' && l.properties?.locals !== undefined);
    assert.ok(error, `an error line with locals among ${JSON.stringify(story.logs.map((l) => l.message))}`);
    assert.match(error.exception ?? '', /card declined by test-processor for order o-42/);
    const p = error.properties!;
    assert.equal(p.orderId, 'o-42');
    assert.equal(p.tenant, 'acme');
    assert.equal(p.user, 'ann');
    assert.equal(p.route, '/api/orders/:id/pay');
    const frames = p.locals as Array<{ function: string; locals: Record<string, unknown> }>;
    assert.equal(frames[0]!.function, 'chargeCard', JSON.stringify(frames));
    assert.equal(frames[0]!.locals.amountCents, 4250);
    assert.equal(frames[0]!.locals.cardToken, '[redacted]');
    assert.ok(story.logs.some((l) => l.message === 'charging card' && l.properties?.orderId === 'o-42'), 'the pino line inside withContext carries orderId');
  });

  it('keeps the app answering when Tinsel is down, and counts what it dropped', async () => {
    await shutdownTinsel();
    const dead = initTinsel({ service: 'tenant-app', endpoint: 'http://127.0.0.1:9', sampling: { reservoirPerSecond: 100, fixedRate: 1 }, queue: { intervalMs: 20, capacity: 5 } });
    const downApp = await listen(createTenantApp({ dbUrl: db.url, tinsel: dead }).app);
    try {
      for (let i = 0; i < 20; i++) assert.equal((await get(downApp.url, `/api/orders/o-${i}`, { host: 'acme.shop.test' })).status, 200);
      await dead.flush();
      const stats = dead.stats();
      assert.ok(stats.logs.droppedSendFailed + stats.logs.droppedQueueFull >= 20, JSON.stringify(stats));
      assert.ok(stats.spans.droppedSendFailed + stats.spans.droppedQueueFull > 0, JSON.stringify(stats));
      assert.equal(stats.logs.sent, 0);
    } finally {
      downApp.server.closeAllConnections();
      downApp.server.close();
    }
  });
});
