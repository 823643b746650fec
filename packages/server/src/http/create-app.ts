import Fastify, { type FastifyInstance } from 'fastify';
import type { InProgressSpans, IngestCounters, RowEnricher } from '@tinsel/ingest';
import type { Store } from '@tinsel/store';
import { ApiError, serverErrors } from '../errors.ts';
import { registerAlbIngestRoute } from './routes/alb-ingest-route.ts';
import { registerDeadLetterRoutes } from './routes/dead-letter-routes.ts';
import { registerHealthRoutes } from './routes/health-routes.ts';
import { registerQueryRoute } from './routes/query-route.ts';
import { registerTraceRoutes } from './routes/trace-routes.ts';
import { registerStoryRoute } from './routes/story-route.ts';
import { registerXrayApiRoute } from './routes/xray-api-route.ts';
import { registerOtlpTraceRoute } from './routes/otlp-trace-route.ts';
import { registerServiceMapRoute } from './routes/service-map-route.ts';
import { registerTraceSearchRoute } from './routes/trace-search-route.ts';
import { registerEsRoutes } from './routes/es-routes.ts';
import { registerSeqIngestRoutes } from './routes/seq-ingest-route.ts';
import { registerOtlpLogRoute } from './routes/otlp-log-route.ts';
import { registerLogIngestRoute } from './routes/log-ingest-route.ts';
import { registerInsightsRoutes } from './routes/insights-routes.ts';
import { registerAlertRoutes } from './routes/alert-routes.ts';
import type { InsightsRuntime } from '../insights/insights-runtime.ts';
import { registerWebUiRoute } from './routes/web-ui-route.ts';
import type { ApiKeyStore } from '../auth/api-key-store.ts';
import { installAuthHook } from '../auth/auth-hook.ts';
import { registerSessionRoutes } from '../auth/session-routes.ts';
import { registerKeyRoutes } from '../auth/key-routes.ts';
import type { ListenerKind } from '../auth/route-scopes.ts';
import { WebSessions } from '../auth/web-sessions.ts';
import type { TlsCredentials } from '../config/tls-config.ts';
import type { IngestGate } from '../overload/ingest-gate.ts';
import { installIngestGate } from '../overload/install-ingest-gate.ts';
import type { RetentionRunner } from '../retention/retention-runner.ts';
import type { Gauges } from '../gauges.ts';
import type { RedeliveryGuard } from '../durability/redelivery-guard.ts';

export interface AppDeps {
  store: Store;
  enricher: RowEnricher & { stats?: () => unknown };
  counters: IngestCounters;
  limits: { bodyBytes: number };
  /** In-progress X-Ray spans awaiting their complete version. */
  inProgress?: InProgressSpans;
  /** Tinsel's own structured log (one object per event); silent when absent. */
  log?: (event: Record<string, unknown>) => void;
  /** Where log sources find trace ids, and the Seq API keys accepted; defaults when absent. */
  logs?: { traceIdProperties: readonly string[]; seqApiKeys: readonly string[] };
  /** Anomaly detection, incidents and alert rules; the routes answer 503 when absent. */
  insights?: InsightsRuntime;
  /** API keys every route checks (docs/security.md); open when absent or empty. */
  auth?: ApiKeyStore;
  /** The web UI's users and sign-in sessions, shared by every listener; an API app without them keeps its own. */
  sessions?: WebSessions;
  /** Serve HTTPS with this certificate and key (listen.tls); plain HTTP when absent. */
  tls?: TlsCredentials;
  /** Admission control for ingest (docs/configuration.md, limits); unlimited when absent. */
  gate?: IngestGate;
  /** Per-signal retention, shown in /api/stats. */
  retention?: RetentionRunner;
  /** Levels /metrics shows beside the counters. */
  gauges?: Gauges;
  /** Drops spans resent after a crash (see RedeliveryGuard); none dropped when absent. */
  redelivery?: RedeliveryGuard;
}

/**
 * The HTTP API without listening: tests drive it with `app.inject` or a real
 * socket; the CLI calls `listen`.
 *
 * @example
 * const app = createApp({ store, enricher, counters, limits: { bodyBytes: 64 << 20 } });
 * await app.listen({ host: '127.0.0.1', port: 5170 });
 */
export function createApp(deps: AppDeps): FastifyInstance {
  if (deps.auth && !deps.sessions) deps = { ...deps, sessions: new WebSessions({ keys: deps.auth }) };
  const app = createBareApp(deps, 'api');
  registerHealthRoutes(app, deps);
  registerAlbIngestRoute(app, deps);
  registerDeadLetterRoutes(app, deps);
  registerQueryRoute(app, deps);
  registerTraceRoutes(app, deps);
  registerStoryRoute(app, deps);
  registerTraceSearchRoute(app, deps);
  registerServiceMapRoute(app, deps);
  registerXrayApiRoute(app, deps);
  registerOtlpTraceRoute(app, deps);
  registerOtlpLogRoute(app, deps);
  registerSeqIngestRoutes(app, deps);
  registerLogIngestRoute(app, deps);
  registerInsightsRoutes(app, deps);
  registerAlertRoutes(app, deps);
  // Only the paths that cannot clash with the API and the UI: /_bulk, /{index}/_bulk, /{index}/_doc…, /_… calls.
  registerEsRoutes(app, deps, 'api');
  registerSessionRoutes(app, deps.sessions);
  if (deps.auth) registerKeyRoutes(app, deps.auth);
  registerWebUiRoute(app);
  return app;
}

/**
 * The OTLP/HTTP port (4318 by default): only what the OpenTelemetry
 * exporters and the Collector send.
 */
export function createOtlpApp(deps: AppDeps): FastifyInstance {
  const app = createBareApp(deps, 'otlp');
  registerOtlpTraceRoute(app, deps);
  registerOtlpLogRoute(app, deps);
  return app;
}

/** The Seq port (5341 by default): Seq's ingestion API, for sinks pointed at it unchanged. */
export function createSeqApp(deps: AppDeps): FastifyInstance {
  const app = createBareApp(deps, 'seq');
  registerSeqIngestRoutes(app, deps);
  return app;
}

/**
 * The Elasticsearch port (9200 by default): the whole compatible surface,
 * `GET /` and `/{index}` included, for shippers pointed at it unchanged.
 */
export function createEsApp(deps: AppDeps): FastifyInstance {
  const app = createBareApp(deps, 'es');
  registerEsRoutes(app, deps, 'all');
  return app;
}

/** Error handling and API keys shared by every listener: codes for clients, details for the log. */
function createBareApp(deps: AppDeps, kind: ListenerKind): FastifyInstance {
  // The https server's instance type differs from the http one's only in its server; routes and hooks are the same.
  const app = deps.tls ? (Fastify({ logger: false, bodyLimit: deps.limits.bodyBytes, https: deps.tls }) as unknown as FastifyInstance) : Fastify({ logger: false, bodyLimit: deps.limits.bodyBytes });
  // Before any route, so every route on every listener is guarded.
  if (deps.auth) installAuthHook(app, deps.auth, kind, deps.sessions);
  // After the keys: a refused key is a 401, not a place in the queue.
  if (deps.gate) installIngestGate(app, deps.gate, kind, deps.counters);
  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error instanceof ApiError) return reply.status(error.status).send({ error: error.code, message: error.message, ...error.details });
    if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send({ error: 'TINSEL_ERR_BODY_TOO_LARGE', message: serverErrors.TINSEL_ERR_BODY_TOO_LARGE.message });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ error: 'TINSEL_ERR_BAD_REQUEST', message: serverErrors.TINSEL_ERR_BAD_REQUEST.message });
    }
    // The client gets a code; the details, which may hold SQL, stay in the server's log.
    deps.log?.({ level: 'error', msg: 'request failed', method: request.method, url: request.url, error: error.message, cause: causeOf(error) });
    return reply.status(500).send({ error: 'TINSEL_ERR_INTERNAL', message: serverErrors.TINSEL_ERR_INTERNAL.message });
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send({ error: 'TINSEL_ERR_NOT_FOUND', message: serverErrors.TINSEL_ERR_NOT_FOUND.message }));
  return app;
}

function causeOf(error: Error): string | null {
  return error.cause instanceof Error ? error.cause.message : null;
}
