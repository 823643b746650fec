// `npx tsx examples/express-tenant-app/main.ts`: the example app on :3000
// (PORT), sending to Tinsel at TINSEL_URL (default http://127.0.0.1:5170).
import { initTinsel } from '@tinsel/node';
import { createTenantApp } from './app.ts';
import { startDbStandIn } from './db-stand-in.ts';

const tinsel = initTinsel({
  service: 'tenant-app',
  endpoint: process.env.TINSEL_URL ?? 'http://127.0.0.1:5170',
  sampling: { reservoirPerSecond: 10, fixedRate: 0.1 },
  captureLocals: process.env.TINSEL_CAPTURE_LOCALS === '1',
  handleUncaught: true,
});
const db = await startDbStandIn();
const { app } = createTenantApp({ dbUrl: db.url, tinsel, destination: process.stdout });
const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, '127.0.0.1', () => process.stderr.write(`tenant-app on http://127.0.0.1:${port}\n`));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    void Promise.all([db.close(), tinsel.shutdown()]).then(() => process.exit(0));
  });
}
