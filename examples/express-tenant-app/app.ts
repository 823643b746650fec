// An Express app for several tenants (acme.shop.test, globex.shop.test, …)
// instrumented with @tinsel/node and pino: every log line carries the trace
// id and the ambient context, and /api/orders/:id/pay fails on purpose.
import express, { type NextFunction, type Request, type Response } from 'express';
import pino, { type Logger } from 'pino';
import { captureException, pinoClefOptions, setUser, templated, withContext, type TinselClient } from '@tinsel/node';

export interface TenantAppOptions {
  dbUrl: string;
  /** The SDK; without it the app runs bare (the benchmark's baseline). */
  tinsel?: TinselClient;
  /** Where pino writes besides Tinsel (default: nowhere, to keep test output clean). */
  destination?: { write(line: string): void };
}

/** Builds the app and its logger. */
export function createTenantApp(options: TenantAppOptions): { app: express.Express; log: Logger } {
  const destination = options.destination ?? { write() {} };
  const log = options.tinsel
    ? pino(pinoClefOptions({ base: { service: 'tenant-app' } }), options.tinsel.pinoStream(destination))
    : pino({ base: { service: 'tenant-app' } }, destination);
  const events = templated(log);
  const app = express();
  if (options.tinsel) app.use(options.tinsel.express());
  app.use((req, _res, next) => {
    const user = req.get('x-user');
    if (user) setUser(user);
    next();
  });

  app.get('/api/orders/:id', async (req, res) => {
    const order = await loadOrder(options.dbUrl, String(req.params.id));
    events.info('Loaded order {OrderId} with {Items} items', { OrderId: order.id, Items: order.items });
    res.json(order);
  });

  app.get('/api/orders/:id/pay', async (req, res) => {
    const orderId = String(req.params.id);
    await withContext({ orderId }, async () => {
      const order = await loadOrder(options.dbUrl, orderId);
      log.info({ total: order.total }, 'charging card');
      chargeCard(order, req.get('x-card-token') ?? 'tok_test');
      res.json({ paid: true });
    });
  });

  app.use((error: Error, _req: Request, res: Response, _next: NextFunction) => {
    captureException(error);
    log.error({ err: error }, 'request failed');
    res.status(500).json({ error: 'payment failed' });
  });
  return { app, log };
}

interface Order { id: string; total: number; currency: string; items: number }

async function loadOrder(dbUrl: string, id: string): Promise<Order> {
  const response = await fetch(`${dbUrl}/query?id=${encodeURIComponent(id)}`);
  return (await response.json()) as Order;
}

// Fails for every order: the card processor "declines" above 10 EUR.
function chargeCard(order: Order, cardToken: string): void {
  const amountCents = Math.round(order.total * 100);
  const processor = 'test-processor';
  if (amountCents > 1000) throw new Error(`card declined by ${processor} for order ${order.id}`);
  void cardToken;
}
