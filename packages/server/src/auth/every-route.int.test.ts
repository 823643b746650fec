// Every route every listener registers, over real sockets: refused without
// a key, with a wrong key and with a key lacking the route's scope, and let
// through with the right one. A route added later is covered by this loop.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createApp, createEsApp, createOtlpApp, createSeqApp, type AppDeps } from '../http/create-app.ts';
import { openTinsel, type Tinsel } from '../open-tinsel.ts';
import { testConfig } from '../test-support.ts';
import { ApiKeyStore, AUTH_SCOPES, type AuthScope } from './api-key-store.ts';
import { registeredRoutes } from './auth-hook.ts';
import { ruleFor, type ListenerKind } from './route-scopes.ts';

const FULL = 'full-key-0123456789abcdef';
const WITHOUT: Record<AuthScope, string> = { ingest: 'no-ingest-0123456789abcdef', read: 'no-read-0123456789abcdef', admin: 'no-admin-0123456789abcdef' };
const keys = new ApiKeyStore([
  { name: 'full', key: FULL, scopes: ['ingest', 'read', 'admin'] },
  ...AUTH_SCOPES.map((scope) => ({ name: `no-${scope}`, key: WITHOUT[scope], scopes: AUTH_SCOPES.filter((s) => s !== scope) })),
]);

const builders: Record<ListenerKind, (deps: AppDeps) => FastifyInstance> = { api: createApp, otlp: createOtlpApp, seq: createSeqApp, es: createEsApp };

/** The status of one request; node:http, since fetch refuses some methods the Elasticsearch catch-all takes (TRACE, CONNECT). */
function statusOf(url: string, method: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A concrete path for a route pattern: parameters and wildcards become a plain word. */
const pathOf = (pattern: string) => pattern.replace(/:[A-Za-z]+/g, 'probe').replace(/\*/g, 'probe');

describe('every registered route enforces its scope', () => {
  let tinsel: Tinsel;
  const apps: { kind: ListenerKind; app: FastifyInstance; base: string }[] = [];

  before(async () => {
    tinsel = await openTinsel(testConfig());
    for (const [kind, build] of Object.entries(builders) as [ListenerKind, (deps: AppDeps) => FastifyInstance][]) {
      const app = build({ ...tinsel, limits: { bodyBytes: 1024 * 1024 }, auth: keys });
      apps.push({ kind, app, base: await app.listen({ host: '127.0.0.1', port: 0 }) });
    }
  });
  after(async () => {
    for (const { app } of apps) await app.close();
    await tinsel.close();
  });

  it('finds the routes of all four listeners', () => {
    const counts = Object.fromEntries(apps.map(({ kind, app }) => [kind, registeredRoutes(app).length]));
    assert.ok(counts.api! > 50 && counts.otlp! >= 2 && counts.seq! >= 4 && counts.es! > 30, JSON.stringify(counts));
  });

  it('leaves only the health check and the web UI open', () => {
    const open = apps.flatMap(({ kind, app }) => registeredRoutes(app).filter((r) => ruleFor(kind, r.method, r.url).scope === 'open').map((r) => `${kind} ${r.method} ${r.url}`));
    for (const entry of open) assert.match(entry, /^api ((GET|HEAD) (\/api\/health|\/api\/session|\/assets\/\*|\/|\/search|\/story.*|\/trace.*|\/dashboards.*|\/service-map.*|\/insights.*|\/alerts)|(POST|DELETE) \/api\/session)$/);
  });

  it('refuses a missing, a wrong and an under-scoped key on every other route, and takes the right key', async () => {
    let checked = 0;
    for (const { kind, app, base } of apps) {
      for (const route of registeredRoutes(app)) {
        const rule = ruleFor(kind, route.method, route.url);
        // CONNECT is a proxy's tunnel, not a route anyone calls; Node's client cannot send it as one.
        if (route.method === 'CONNECT') continue;
        const send = (headers: Record<string, string>) => statusOf(`${base}${pathOf(route.url)}`, route.method, headers);
        const where = `${kind} ${route.method} ${route.url}`;
        if (rule.scope === 'open') {
          assert.ok(![401, 403].includes(await send({})), where);
          continue;
        }
        assert.equal(await send({}), 401, `${where} without a key`);
        assert.equal(await send({ 'x-tinsel-key': 'wrong-key-0123456789abcdef' }), 401, `${where} with a wrong key`);
        assert.equal(await send({ 'x-tinsel-key': WITHOUT[rule.scope] }), 403, `${where} without ${rule.scope}`);
        assert.ok(![401, 403].includes(await send({ 'x-tinsel-key': FULL })), `${where} with the right key`);
        checked += 1;
      }
    }
    assert.ok(checked > 80, `only ${checked} routes checked`);
  });

  it('needs admin for a path no route answers, and for the server-side file ingest', async () => {
    const api = apps.find((a) => a.kind === 'api')!;
    assert.equal((await fetch(`${api.base}/api/nothing-here`, { headers: { 'x-tinsel-key': WITHOUT.admin } })).status, 403);
    assert.equal((await fetch(`${api.base}/api/nothing-here`, { headers: { 'x-tinsel-key': FULL } })).status, 404);
    assert.equal((await fetch(`${api.base}/api/ingest/alb/file`, { method: 'POST', headers: { 'x-tinsel-key': WITHOUT.admin } })).status, 403);
  });

  it('declares the scopes the documentation promises', () => {
    const expect: [ListenerKind, string, string, string][] = [
      ['api', 'POST', '/api/ingest/logs', 'ingest'], ['api', 'POST', '/TraceSegments', 'ingest'], ['otlp', 'POST', '/v1/traces', 'ingest'],
      ['api', 'POST', '/api/events/raw', 'ingest'], ['api', 'POST', '/:index/_bulk', 'ingest'], ['es', 'GET', '/', 'ingest'],
      ['api', 'POST', '/api/query', 'read'], ['api', 'GET', '/api/story/*', 'read'], ['api', 'GET', '/api/alerts', 'read'], ['api', 'GET', '/metrics', 'read'],
      ['api', 'POST', '/api/alerts', 'admin'], ['api', 'DELETE', '/api/silences/:id', 'admin'], ['api', 'GET', '/api/health', 'open'], ['api', 'GET', '/', 'open'],
    ];
    for (const [kind, method, url, scope] of expect) assert.equal(ruleFor(kind, method, url).scope, scope, `${kind} ${method} ${url}`);
  });
});
