import type { SeededRandom } from './seeded-random.ts';

/** One kind of request the benchmark estate serves. */
export interface AlbRoute {
  method: string;
  /** Path and query for one request, ids filled in. */
  target: (random: SeededRandom) => string;
  /** Cumulative share of requests, last route 1. */
  upTo: number;
  /** Target group index on the load balancer: 0 app, 1 static files. */
  group: number;
  /** Which status mix the target answers with. */
  kind: 'page' | 'static' | 'login';
  rulePriority: number;
  /** Median seconds the target takes, and median response bytes. */
  latency: number;
  size: number;
}

const SEARCH_TERMS = ['shoes', 'red+dress', 'garden+chair', 'gift+card', 'running', 'lamp', 'coffee', 'desk', 'rain+jacket', 'tent'];

const id = (random: SeededRandom, below: number): number => 1 + random.int(below);

// Shares are per mille and add up to 1000; cumulated below.
const ROUTES: [number, Omit<AlbRoute, 'upTo'>][] = [
  [90, { method: 'GET', target: () => '/', kind: 'page', group: 0, rulePriority: 0, latency: 0.045, size: 18_000 }],
  [140, { method: 'GET', target: (r) => `/products/${id(r, 90_000)}`, kind: 'page', group: 0, rulePriority: 0, latency: 0.05, size: 22_000 }],
  [160, { method: 'GET', target: (r) => `/static/js/app.${r.hex(8)}.js`, kind: 'static', group: 1, rulePriority: 10, latency: 0.003, size: 95_000 }],
  [80, { method: 'GET', target: (r) => `/static/css/site.${r.hex(8)}.css`, kind: 'static', group: 1, rulePriority: 10, latency: 0.003, size: 24_000 }],
  [110, { method: 'GET', target: (r) => `/images/products/${id(r, 90_000)}.jpg`, kind: 'static', group: 1, rulePriority: 10, latency: 0.004, size: 60_000 }],
  [100, { method: 'GET', target: (r) => `/api/v1/orders/${id(r, 2_000_000)}`, kind: 'page', group: 0, rulePriority: 20, latency: 0.06, size: 1_400 }],
  [50, { method: 'POST', target: () => '/api/v1/orders', kind: 'page', group: 0, rulePriority: 20, latency: 0.12, size: 900 }],
  [50, { method: 'GET', target: (r) => `/api/v1/customers/${id(r, 400_000)}/invoices?page=${id(r, 5)}&per_page=20`, kind: 'page', group: 0, rulePriority: 20, latency: 0.08, size: 6_000 }],
  [70, { method: 'GET', target: (r) => `/search?q=${r.pick(SEARCH_TERMS)}&page=${id(r, 4)}`, kind: 'page', group: 0, rulePriority: 0, latency: 0.09, size: 30_000 }],
  [40, { method: 'PUT', target: (r) => `/api/v1/cart/${r.hex(12)}`, kind: 'page', group: 0, rulePriority: 20, latency: 0.04, size: 700 }],
  [15, { method: 'DELETE', target: (r) => `/api/v1/cart/${r.hex(12)}/items/${id(r, 90_000)}`, kind: 'page', group: 0, rulePriority: 20, latency: 0.03, size: 300 }],
  [25, { method: 'POST', target: () => '/login', kind: 'login', group: 0, rulePriority: 5, latency: 0.15, size: 1_200 }],
  [40, { method: 'GET', target: () => '/account/orders?status=open', kind: 'page', group: 0, rulePriority: 0, latency: 0.07, size: 14_000 }],
  [20, { method: 'GET', target: () => '/favicon.ico', kind: 'static', group: 1, rulePriority: 10, latency: 0.002, size: 4_300 }],
  [10, { method: 'GET', target: () => '/robots.txt', kind: 'page', group: 0, rulePriority: 1, latency: 0, size: 120 }],
];

/** The route table with cumulative shares; `/robots.txt` is a fixed response. */
export const ALB_ROUTES: AlbRoute[] = (() => {
  let total = 0;
  return ROUTES.map(([share, route]) => {
    total += share;
    return { ...route, upTo: total / 1000 };
  });
})();

/** The path the load balancer answers itself with a fixed-response action. */
export const FIXED_RESPONSE_PATH = '/robots.txt';

/** A route drawn by its share. */
export function pickRoute(random: SeededRandom): AlbRoute {
  const u = random.next();
  for (const route of ALB_ROUTES) if (u < route.upTo) return route;
  return ALB_ROUTES[ALB_ROUTES.length - 1]!;
}
