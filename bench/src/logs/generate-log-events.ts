// Deterministic synthetic application logs, shaped like what a web service
// behind a load balancer writes through Serilog or pino: a few dozen message
// templates, request-scoped ambient properties, a trace id per request.

/** One event in a neutral form, rendered into each wire format by its encoder. */
export interface SyntheticLogEvent {
  /** Epoch milliseconds. */
  timeMs: number;
  /** Serilog level name. */
  level: 'Verbose' | 'Debug' | 'Information' | 'Warning' | 'Error';
  template: string;
  message: string;
  properties: Record<string, string | number | boolean>;
  exception: string | null;
  traceId: string;
  spanId: string;
}

const TEMPLATES: [string, (p: Record<string, string | number | boolean>) => string][] = [
  ['HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms', (p) => `HTTP "${p.RequestMethod}" "${p.RequestPath}" responded ${p.StatusCode} in ${Number(p.Elapsed).toFixed(4)} ms`],
  ['Loaded cart {CartId} with {ItemCount} items', (p) => `Loaded cart "${p.CartId}" with ${p.ItemCount} items`],
  ['User {UserId} signed in from {ClientIp}', (p) => `User ${p.UserId} signed in from "${p.ClientIp}"`],
  ['Executed DbCommand ({Elapsed} ms) on {DbServer}', (p) => `Executed DbCommand (${p.Elapsed} ms) on "${p.DbServer}"`],
  ['Cache miss for {CacheKey}', (p) => `Cache miss for "${p.CacheKey}"`],
  ['Payment {PaymentId} authorised for {Amount} {Currency}', (p) => `Payment "${p.PaymentId}" authorised for ${p.Amount} "${p.Currency}"`],
];
const PATHS = ['/checkout', '/cart', '/api/products', '/api/orders', '/health', '/login'];
const HOSTS = ['web-1', 'web-2', 'web-3', 'web-4'];
const DBS = ['db-1.internal', 'db-2.internal'];

/** A small seeded generator (mulberry32): the same seed gives the same events. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (next: () => number, digits: number): string => {
  let s = '';
  for (let i = 0; i < digits; i++) s += Math.floor(next() * 16).toString(16);
  return s;
};

/**
 * `count` events over consecutive requests of 3 to 12 events each; each
 * request has its trace id, host and ambient properties (RequestId,
 * Application, MachineName, SourceContext).
 *
 * @example
 * const events = generateLogEvents(1000, 1);
 */
export function generateLogEvents(count: number, seed: number, startMs = Date.now() - 3_600_000): SyntheticLogEvent[] {
  const next = random(seed);
  const events: SyntheticLogEvent[] = [];
  let timeMs = startMs;
  while (events.length < count) {
    const traceId = hex(next, 32);
    const ambient = { RequestId: `0HN${hex(next, 8).toUpperCase()}`, Application: 'shop', MachineName: HOSTS[Math.floor(next() * HOSTS.length)]!, SourceContext: 'Shop.Web.CheckoutController' };
    const perRequest = 3 + Math.floor(next() * 10);
    for (let i = 0; i < perRequest && events.length < count; i++) {
      timeMs += Math.floor(next() * 5);
      const [template, render] = TEMPLATES[Math.floor(next() * TEMPLATES.length)]!;
      // Each template carries its own holes' properties beside the request's ambient ones.
      const all = fields(next);
      const properties: Record<string, string | number | boolean> = { ...ambient };
      for (const [, name] of template.matchAll(/\{(\w+)/g)) properties[name!] = all[name!]!;
      const roll = next();
      const level = roll < 0.02 ? 'Error' : roll < 0.07 ? 'Warning' : roll < 0.2 ? 'Debug' : 'Information';
      events.push({ timeMs, level, template, message: render(properties), properties, exception: level === 'Error' ? 'System.TimeoutException: The operation timed out\n   at Shop.Data.Orders.Save()' : null, traceId, spanId: hex(next, 16) });
    }
  }
  return events;
}

function fields(next: () => number): Record<string, string | number | boolean> {
  return {
    RequestMethod: next() < 0.7 ? 'GET' : 'POST',
    RequestPath: PATHS[Math.floor(next() * PATHS.length)]!,
    StatusCode: next() < 0.95 ? 200 : 500,
    Elapsed: Math.round(next() * 2_000_000) / 10_000,
    CartId: `c-${Math.floor(next() * 100_000)}`,
    ItemCount: Math.floor(next() * 9),
    UserId: Math.floor(next() * 50_000),
    ClientIp: `10.0.${Math.floor(next() * 255)}.${Math.floor(next() * 255)}`,
    DbServer: DBS[Math.floor(next() * DBS.length)]!,
    CacheKey: `product:${Math.floor(next() * 10_000)}`,
    PaymentId: `p-${hex(next, 10)}`,
    Amount: Math.round(next() * 100_000) / 100,
    Currency: 'AUD',
  };
}
