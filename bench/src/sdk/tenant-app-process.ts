// The example app as the SDK benchmark's target, in its own process so that
// the load generator does not share its event loop:
//   node --import tsx tenant-app-process.ts <bare|als|sdk> <sink-url>
// Prints `{"url": …}` once listening; answers each `cpu` line on stdin with
// its CPU time so far (`{"cpuMicros": …}`); SIGTERM ends it.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createInterface } from 'node:readline';
import { initTinsel } from '@tinsel/node';
import { createTenantApp } from '../../../examples/express-tenant-app/app.ts';
import { startDbStandIn } from '../../../examples/express-tenant-app/db-stand-in.ts';

const [mode = 'bare', sink = 'http://127.0.0.1:9'] = process.argv.slice(2);
const tinsel = mode === 'sdk' ? initTinsel({ service: 'tenant-app', endpoint: sink }) : undefined;
const db = await startDbStandIn(0, 0);
const { app } = createTenantApp({ dbUrl: db.url, tinsel });
// `als`: the bare app inside an AsyncLocalStorage context and nothing else, the floor any ambient context pays on Node 20.
const storage = new AsyncLocalStorage<object>();
const served = mode === 'als' ? express().use((_req, _res, next) => storage.run({}, next)).use(app) : app;
const server = served.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`);
});
createInterface({ input: process.stdin }).on('line', () => {
  const { user, system } = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ cpuMicros: user + system })}\n`);
});
process.once('SIGTERM', () => {
  process.stdout.write(`${JSON.stringify({ stats: tinsel?.stats() ?? null })}\n`);
  process.exit(0);
});
