/** A query the route runs against its tenant's database. */
export interface RouteQuery {
  sql: string;
  /** Median milliseconds on a healthy server. */
  medianMs: number;
}

/** One route of the monolith: how often it is hit, how long it takes, what it calls. */
export interface Route {
  /** `METHOD /template`, the Route property of its logs and its X-Ray annotation. */
  name: string;
  method: 'GET' | 'POST';
  weight: number;
  /** Median milliseconds of the app's own work, outside queries and calls. */
  medianMs: number;
  sigma: number;
  queries: RouteQuery[];
  /** A downstream HTTP call, as `https://host/path`. */
  remote: { url: string; medianMs: number } | null;
  /** The status a healthy request answers. */
  status: number;
  /** Path of a request, given a random integer for its ids. */
  path(n: number): string;
  /** Bytes in the response body. */
  responseBytes: number;
  /** Clients give up on this route when it crawls (disconnect incidents touch only these). */
  impatient: boolean;
}

const q = (sql: string, medianMs: number): RouteQuery => ({ sql, medianMs });

/** The shop monolith every tenant runs, with its traffic mix. */
export const routes: readonly Route[] = [
  { name: 'GET /', method: 'GET', weight: 12, medianMs: 6, sigma: 0.4, queries: [q('SELECT id, title FROM banners WHERE active = $1', 2)], remote: null, status: 200, path: () => '/', responseBytes: 18_000, impatient: false },
  { name: 'GET /products', method: 'GET', weight: 18, medianMs: 9, sigma: 0.5, queries: [q('SELECT id, name, price FROM products WHERE category_id = $1 ORDER BY rank LIMIT $2', 6), q('SELECT count(*) FROM products WHERE category_id = $1', 3)], remote: null, status: 200, path: (n) => `/products?category=${n % 40}&page=${1 + (n % 5)}`, responseBytes: 42_000, impatient: false },
  { name: 'GET /products/{id}', method: 'GET', weight: 30, medianMs: 7, sigma: 0.45, queries: [q('SELECT * FROM products WHERE id = $1', 2), q('SELECT * FROM stock WHERE product_id = $1', 2)], remote: null, status: 200, path: (n) => `/products/${10_000 + (n % 90_000)}`, responseBytes: 24_000, impatient: false },
  { name: 'GET /search', method: 'GET', weight: 8, medianMs: 12, sigma: 0.7, queries: [q('SELECT id, name FROM products WHERE search_vector @@ plainto_tsquery($1) LIMIT $2', 25)], remote: null, status: 200, path: (n) => `/search?q=${SEARCH_TERMS[n % SEARCH_TERMS.length]}`, responseBytes: 30_000, impatient: true },
  { name: 'GET /cart', method: 'GET', weight: 8, medianMs: 5, sigma: 0.4, queries: [q('SELECT * FROM cart_items WHERE cart_id = $1', 2)], remote: null, status: 200, path: () => '/cart', responseBytes: 9_000, impatient: false },
  { name: 'POST /cart/items', method: 'POST', weight: 7, medianMs: 6, sigma: 0.4, queries: [q('SELECT price FROM products WHERE id = $1', 2), q('INSERT INTO cart_items (cart_id, product_id, quantity) VALUES ($1, $2, $3)', 3)], remote: null, status: 201, path: () => '/cart/items', responseBytes: 600, impatient: false },
  { name: 'POST /checkout', method: 'POST', weight: 3, medianMs: 15, sigma: 0.5, queries: [q('SELECT * FROM cart_items WHERE cart_id = $1 FOR UPDATE', 4), q('INSERT INTO orders (tenant_id, user_id, total) VALUES ($1, $2, $3) RETURNING id', 5), q('UPDATE stock SET reserved = reserved + $1 WHERE product_id = $2', 4)], remote: { url: 'https://payments.example.net/v2/charges', medianMs: 180 }, status: 200, path: () => '/checkout', responseBytes: 2_000, impatient: true },
  { name: 'GET /account/orders', method: 'GET', weight: 5, medianMs: 8, sigma: 0.5, queries: [q('SELECT * FROM orders WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2', 8)], remote: null, status: 200, path: () => '/account/orders', responseBytes: 15_000, impatient: false },
  { name: 'POST /login', method: 'POST', weight: 3, medianMs: 40, sigma: 0.3, queries: [q('SELECT id, password_hash FROM users WHERE email = $1', 3)], remote: null, status: 302, path: () => '/login', responseBytes: 300, impatient: false },
  { name: 'GET /static/{asset}', method: 'GET', weight: 6, medianMs: 1, sigma: 0.3, queries: [], remote: null, status: 200, path: (n) => `/static/${ASSETS[n % ASSETS.length]}`, responseBytes: 80_000, impatient: false },
];

const SEARCH_TERMS = ['boots', 'red+scarf', 'tea+pot', 'gift', 'wool+socks', 'lamp', 'vinyl'];
const ASSETS = ['app.3f9a1c.js', 'app.3f9a1c.css', 'logo.svg', 'fonts/inter.woff2'];
