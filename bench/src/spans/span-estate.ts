/**
 * The fixed world the benchmark's traces describe: a web front end calling
 * a few internal APIs, each with its hosts and its PostgreSQL or Redis
 * calls. Operations are weighted the way a shop's traffic is: product pages
 * and search far more often than checkout.
 */
export interface ServiceOperation {
  method: string;
  /** Path with `{id}` where a generated number goes, e.g. `/v1/products/{id}`. */
  path: string;
  weight: number;
  steps: OperationStep[];
}

/** One call an operation makes, in order. */
export type OperationStep =
  | { type: 'http'; service: string; operation: number }
  | { type: 'db'; system: 'postgresql' | 'redis'; server: string; database: string; statement: string }
  | { type: 'internal'; name: string };

export interface EstateService {
  name: string;
  /** Public services are reached by browsers; the others through the front end. */
  origin: string;
  hosts: string[];
  operations: ServiceOperation[];
}

const PG_CATALOG = { type: 'db', system: 'postgresql', server: 'catalog-db.cluster-c1x9a2.eu-west-1.rds.amazonaws.com', database: 'catalog' } as const;
const PG_ORDERS = { type: 'db', system: 'postgresql', server: 'orders-db.cluster-c1x9a2.eu-west-1.rds.amazonaws.com', database: 'orders' } as const;
const PG_USERS = { type: 'db', system: 'postgresql', server: 'users-db.cluster-c1x9a2.eu-west-1.rds.amazonaws.com', database: 'users' } as const;
const REDIS = { type: 'db', system: 'redis', server: 'sessions.x7k2qa.ng.0001.euw1.cache.amazonaws.com', database: '0' } as const;

// EC2 instance ids (`i-0` and 16 hex digits): X-Ray reports them as the host.
const hosts = (count: number, seed: number): string[] =>
  Array.from({ length: count }, (_, i) => `i-0${(Math.imul(seed, 0x9e3779b1) + i * 0x3c6ef35f).toString(16).replace('-', '').padStart(8, '0').slice(-8)}5e7c91d4`);

/** Services by name; `operation` in an http step indexes the callee's operations. */
export const spanEstate: Record<string, EstateService> = {
  'web-frontend': {
    name: 'web-frontend',
    origin: 'https://shop.example.com',
    hosts: hosts(6, 1),
    operations: [
      { method: 'GET', path: '/products/{id}', weight: 40, steps: [{ ...REDIS, statement: 'GET session:{id}' }, { type: 'http', service: 'catalog-api', operation: 0 }, { type: 'internal', name: 'render product-page' }] },
      { method: 'GET', path: '/search', weight: 25, steps: [{ ...REDIS, statement: 'GET session:{id}' }, { type: 'http', service: 'catalog-api', operation: 1 }, { type: 'internal', name: 'render search-results' }] },
      { method: 'GET', path: '/cart', weight: 15, steps: [{ ...REDIS, statement: 'GET session:{id}' }, { type: 'http', service: 'orders-api', operation: 0 }, { type: 'http', service: 'catalog-api', operation: 2 }] },
      { method: 'GET', path: '/account', weight: 10, steps: [{ ...REDIS, statement: 'GET session:{id}' }, { type: 'http', service: 'users-api', operation: 0 }, { type: 'http', service: 'orders-api', operation: 1 }] },
      { method: 'POST', path: '/checkout', weight: 5, steps: [{ ...REDIS, statement: 'GET session:{id}' }, { type: 'http', service: 'users-api', operation: 0 }, { type: 'http', service: 'orders-api', operation: 2 }, { ...REDIS, statement: 'DEL cart:{id}' }] },
      { method: 'GET', path: '/health', weight: 5, steps: [] },
    ],
  },
  'catalog-api': {
    name: 'catalog-api',
    origin: 'http://catalog-api.internal:8080',
    hosts: hosts(4, 2),
    operations: [
      { method: 'GET', path: '/v1/products/{id}', weight: 1, steps: [{ ...PG_CATALOG, statement: 'SELECT id, name, price, stock FROM products WHERE id = $1' }, { ...PG_CATALOG, statement: 'SELECT url, alt FROM product_images WHERE product_id = $1 ORDER BY position' }] },
      { method: 'GET', path: '/v1/search', weight: 1, steps: [{ ...PG_CATALOG, statement: 'SELECT id, name, price FROM products WHERE search_vector @@ plainto_tsquery($1) ORDER BY rank DESC LIMIT 24' }, { type: 'internal', name: 'rank results' }] },
      { method: 'GET', path: '/v1/products', weight: 1, steps: [{ ...PG_CATALOG, statement: 'SELECT id, name, price FROM products WHERE id = ANY($1)' }] },
    ],
  },
  'orders-api': {
    name: 'orders-api',
    origin: 'http://orders-api.internal:8080',
    hosts: hosts(3, 3),
    operations: [
      { method: 'GET', path: '/v1/carts/{id}', weight: 1, steps: [{ ...PG_ORDERS, statement: 'SELECT product_id, quantity FROM cart_items WHERE cart_id = $1' }] },
      { method: 'GET', path: '/v1/customers/{id}/orders', weight: 1, steps: [{ ...PG_ORDERS, statement: 'SELECT id, placed_at, total FROM orders WHERE customer_id = $1 ORDER BY placed_at DESC LIMIT 10' }] },
      {
        method: 'POST',
        path: '/v1/orders',
        weight: 1,
        steps: [
          { ...PG_ORDERS, statement: 'BEGIN' },
          { ...PG_ORDERS, statement: 'INSERT INTO orders (customer_id, total, currency) VALUES ($1, $2, $3) RETURNING id' },
          { ...PG_ORDERS, statement: 'INSERT INTO order_items (order_id, product_id, quantity, price) SELECT $1, product_id, quantity, price FROM cart_items WHERE cart_id = $2' },
          { type: 'http', service: 'payments-api', operation: 0 },
          { ...PG_ORDERS, statement: 'COMMIT' },
        ],
      },
    ],
  },
  'users-api': {
    name: 'users-api',
    origin: 'http://users-api.internal:8080',
    hosts: hosts(2, 4),
    operations: [{ method: 'GET', path: '/v1/users/{id}', weight: 1, steps: [{ ...PG_USERS, statement: 'SELECT id, email, name, locale FROM users WHERE id = $1' }] }],
  },
  'payments-api': {
    name: 'payments-api',
    origin: 'http://payments-api.internal:8080',
    hosts: hosts(2, 5),
    operations: [{ method: 'POST', path: '/v1/charges', weight: 1, steps: [{ type: 'internal', name: 'fraud-check' }, { type: 'http', service: 'psp', operation: 0 }] }],
  },
  // The payment provider: called, never traced.
  psp: { name: 'psp', origin: 'https://api.payments-provider.example', hosts: [], operations: [{ method: 'POST', path: '/v2/charges', weight: 1, steps: [] }] },
};

export const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
];
