import type { AuthScope } from './api-key-store.ts';

/** Which listener a route lives on; it decides how a refusal is worded for the real clients there. */
export type ListenerKind = 'api' | 'otlp' | 'seq' | 'es';

/** How a refusal is answered: Tinsel's API, Seq's, Elasticsearch's or OTLP's error shape. */
export type AuthDialect = ListenerKind;

/** What a route needs: `open` routes need no key at all. */
export interface RouteRule {
  scope: AuthScope | 'open';
  dialect: AuthDialect;
}

/** The web UI's page, assets and sign-in work before anyone signs in; the health check is for probes. */
const OPEN = new Set(['GET /api/health', 'GET /assets/*', 'GET /api/session', 'POST /api/session', 'DELETE /api/session']);
const UI_PAGES = ['/', '/search', '/story', '/story/*', '/trace', '/trace/*', '/traces', '/traces/*', '/dashboards', '/dashboards/*', '/service-map', '/service-map/*', '/insights', '/insights/*', '/alerts'];

const INGEST = new Set(['POST /api/ingest/alb', 'POST /api/ingest/logs', 'POST /TraceSegments']);
const OTLP_INGEST = new Set(['POST /v1/traces', 'POST /v1/logs']);
const SEQ_INGEST = new Set(['POST /api/events/raw', 'POST /ingest/clef', 'GET /api', 'GET /api/']);

const READ = new Set([
  'POST /api/query',
  'POST /api/query/histogram',
  'GET /api/fields',
  'GET /api/story/*',
  'GET /api/traces',
  'GET /api/traces/:id',
  'GET /api/service-map',
  'GET /api/insights',
  'GET /api/insights/:id',
  'GET /api/alerts',
  'GET /api/silences',
  'GET /api/stats',
  'GET /api/dead-letters',
  'GET /metrics',
]);

/**
 * The scope each route needs, by method and route pattern. A route this
 * table does not name needs `admin`: a new route is closed until someone
 * decides otherwise. (POST /api/ingest/alb/file reads a file on the server's
 * disk, so it is deliberately left to `admin`.)
 */
export function ruleFor(kind: ListenerKind, method: string, pattern: string | undefined): RouteRule {
  // Fastify answers HEAD through the GET route; it needs what GET needs.
  const verb = method === 'HEAD' ? 'GET' : method;
  if (pattern === undefined) return { scope: 'admin', dialect: kind };
  const key = `${verb} ${pattern}`;
  // Elasticsearch's own port: every path is Elasticsearch's, `/` included.
  if (kind === 'es') return { scope: 'ingest', dialect: 'es' };
  if (kind === 'api' && (OPEN.has(key) || (verb === 'GET' && UI_PAGES.includes(pattern)))) return { scope: 'open', dialect: 'api' };
  if (SEQ_INGEST.has(key)) return { scope: 'ingest', dialect: 'seq' };
  if (OTLP_INGEST.has(key)) return { scope: 'ingest', dialect: 'otlp' };
  if (INGEST.has(key)) return { scope: 'ingest', dialect: 'api' };
  if (READ.has(key)) return { scope: 'read', dialect: 'api' };
  // The Elasticsearch calls mounted on the API port: `/_…` and `/{index}/_…`.
  if (kind === 'api' && isEsPattern(pattern)) return { scope: 'ingest', dialect: 'es' };
  return { scope: 'admin', dialect: kind };
}

function isEsPattern(pattern: string): boolean {
  return pattern.startsWith('/_') || /^\/:index\/_/.test(pattern);
}
