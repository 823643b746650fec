// A stand-in for the app's database: an HTTP service answering "queries"
// after a short delay, so that calls to it show up as client spans.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DbStandIn {
  url: string;
  close(): Promise<void>;
}

/** Starts the stand-in on a free loopback port (or `port`). */
export async function startDbStandIn(port = 0, delayMs = 2): Promise<DbStandIn> {
  const server: Server = createServer((req, res) => {
    const id = new URL(req.url ?? '/', 'http://db').searchParams.get('id') ?? 'unknown';
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id, total: 42.5, currency: 'EUR', items: 3 }));
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
