import assert from 'node:assert/strict';
import { createSocket, type Socket } from 'node:dgram';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import Fastify from 'fastify';
import winston from 'winston';
import { TinselClient } from '../tinsel-client.ts';
import { currentContext, withContext } from '../context/ambient.ts';
import { winstonFormat } from '../logs/logger-integrations.ts';

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

describe('middleware, outgoing calls and X-Ray UDP export, with real sockets', () => {
  let daemon: Socket;
  const datagrams: string[] = [];
  let client: TinselClient;
  let downstream: Server;
  let downstreamUrl: string;
  const seenHeaders: Array<Record<string, unknown>> = [];

  before(async () => {
    daemon = createSocket('udp4');
    daemon.on('message', (message) => datagrams.push(message.toString()));
    await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', resolve));
    client = new TinselClient({ service: 'shop', spans: 'xray-udp', xrayDaemon: `127.0.0.1:${daemon.address().port}`, sampling: { reservoirPerSecond: 100, fixedRate: 1 }, queue: { intervalMs: 20 } });
    downstream = createServer((req, res) => {
      seenHeaders.push({ ...req.headers });
      res.end('ok');
    });
    downstreamUrl = await listen(downstream);
  });
  after(async () => {
    await client.shutdown();
    daemon.close();
    downstream.closeAllConnections();
    downstream.close();
  });

  it('continues an incoming trace in node:http, propagates it over http.get and fetch, and exports segment and subsegments', async () => {
    const app = createServer(client.wrapHandler(async (_req, res) => {
      await new Promise<void>((resolve) => get(`${downstreamUrl}/via-http`, (r) => r.resume().on('end', resolve)));
      await (await fetch(`${downstreamUrl}/via-fetch`)).text();
      res.end(JSON.stringify(currentContext()?.tenant ?? null));
    }));
    const url = await listen(app);
    const response = await fetch(`${url}/orders`, { headers: { 'x-amzn-trace-id': 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1' } });
    assert.equal(response.headers.get('x-amzn-trace-id'), 'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1');
    app.close();
    const forwarded = seenHeaders.slice(-2).map((h) => String(h['x-amzn-trace-id']));
    for (const header of forwarded) assert.match(header, /^Root=1-5759e988-bd862e3fe1be46a994272793;Parent=[0-9a-f]{16};Sampled=1$/);
    await client.flush();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const docs = datagrams.map((d) => {
      const [header, body] = d.split('\n');
      assert.equal(header, '{"format":"json","version":1}');
      return JSON.parse(body!) as Record<string, unknown>;
    });
    const segment = docs.find((d) => d.type === undefined);
    assert.ok(segment);
    assert.equal(segment.trace_id, '1-5759e988-bd862e3fe1be46a994272793');
    assert.equal(segment.parent_id, '53995c3f42cd8ad8');
    assert.equal((segment.http as { response: { status: number } }).response.status, 200);
    const subsegments = docs.filter((d) => d.type === 'subsegment' && d.parent_id === segment.id);
    assert.equal(subsegments.length, 2);
    const parents = forwarded.map((h) => /Parent=([0-9a-f]{16})/.exec(h)?.[1]);
    assert.deepEqual(new Set(parents), new Set(subsegments.map((s) => s.id)), 'each call carries its own subsegment id');
  });

  it('gives Fastify routes the context, the route template and the tenant from Host', async () => {
    const app = Fastify();
    await app.register(client.fastify());
    app.get('/orders/:id', async () => withContext({ orderId: 'o-1' }, () => {
      const ambient = currentContext()!;
      return { tenant: ambient.tenant, route: ambient.resolveRoute?.(), orderId: ambient.properties.orderId, traceId: ambient.traceId };
    }));
    const answer = await app.inject({ method: 'GET', url: '/orders/o-1', headers: { host: 'acme.shop.test', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' } });
    assert.deepEqual(answer.json(), { tenant: 'acme', route: '/orders/:id', orderId: 'o-1', traceId: '4bf92f3577b34da6a3ce929d0e0e4736' });
    await app.close();
  });

  it('lets the request through untouched when a hook of the app throws', async () => {
    const fragile = new TinselClient({ service: 'shop', instrumentOutgoing: false, tenant: () => { throw new Error('tenant lookup failed'); } });
    const app = createServer(fragile.wrapHandler((_req, res) => res.end(currentContext()?.traceId ?? 'none')));
    const url = await listen(app);
    const response = await fetch(`${url}/`);
    app.close();
    await fragile.shutdown();
    assert.equal(response.status, 200);
    assert.match(await response.text(), /^[0-9a-f]{32}$/);
  });

  it('starts a trace when none comes in, and winston lines carry its ids', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = winston.createLogger({ format: winston.format.combine(winstonFormat(), winston.format.json()), transports: [client.winstonTransport()] });
    logger.add(new winston.transports.Stream({ stream: new Writable({ write: (line: Buffer, _e, done) => done(void lines.push(JSON.parse(line.toString()))) }) }));
    const app = createServer(client.wrapHandler((_req, res) => {
      logger.info('inside');
      res.end();
    }));
    const url = await listen(app);
    const response = await fetch(`${url}/`);
    app.close();
    const root = /Root=1-([0-9a-f]{8})-([0-9a-f]{24})/.exec(response.headers.get('x-amzn-trace-id') ?? '');
    assert.ok(root);
    assert.equal(lines[0]?.trace_id, `${root[1]}${root[2]}`);
    assert.match(String(lines[0]?.span_id), /^[0-9a-f]{16}$/);
  });
});
