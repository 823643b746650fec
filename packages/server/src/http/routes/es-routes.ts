import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../../errors.ts';
import type { AppDeps } from '../create-app.ts';
import { registerEsBulkRoute } from './es-bulk-route.ts';
import { registerEsCatRoutes } from './es-cat-routes.ts';
import { registerEsCatalogRoutes } from './es-catalog-routes.ts';
import { registerEsClusterRoutes } from './es-cluster-routes.ts';
import { esErrorBody } from './es-error-body.ts';
import { registerEsIndexRoutes } from './es-index-routes.ts';
import { EsHttpError, tooLong } from './es-request-body.ts';
import { esStateFor } from './es-state.ts';

/**
 * Where the Elasticsearch-compatible routes are mounted: `all` on their own
 * port (9200), where `/` and `/{index}` are Elasticsearch's too; `api` on
 * the API port, where only `/_bulk`, `/{index}/_bulk`, `/{index}/_doc…` and
 * the `/_…` calls are, so nothing takes `/` or a one-segment path from the
 * API and the UI.
 */
export type EsMount = 'all' | 'api';

/**
 * Enough of Elasticsearch for log shippers to work unchanged: bulk writes
 * into the logs table, and answers to the calls Serilog.Sinks.Elasticsearch,
 * Fluent Bit, Vector, Logstash and the official clients make at start-up.
 * Every answer carries `X-Elastic-Product: Elasticsearch` (the official
 * clients refuse a 2xx answer without it) and errors use Elasticsearch's
 * error body.
 */
export function registerEsRoutes(app: FastifyInstance, deps: AppDeps, mount: EsMount): void {
  app.register(async (scope) => {
    // Bodies are read by each route: NDJSON, JSON, gzip, and the compatibility content types alike.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.addHook('onSend', async (_request, reply, payload) => {
      reply.header('x-elastic-product', 'Elasticsearch');
      return payload;
    });
    scope.setErrorHandler((error: FastifyError, request, reply) => answerError(error, request, reply, deps));
    const state = esStateFor(deps.store);
    registerEsBulkRoute(scope, deps, state);
    registerEsClusterRoutes(scope, deps, state, mount === 'all');
    registerEsCatRoutes(scope, state);
    registerEsCatalogRoutes(scope, deps, state);
    registerEsIndexRoutes(scope, deps, state, mount === 'all');
    if (mount === 'all') {
      scope.all('/*', async (request, reply) =>
        reply.status(400).send({ error: `no handler found for uri [${request.url}] and method [${request.method}]`, status: 400 }),
      );
    }
  });
}

function answerError(error: FastifyError, request: FastifyRequest, reply: FastifyReply, deps: AppDeps) {
  if (error instanceof EsHttpError) return reply.status(error.status).send(esErrorBody(error.cause, error.status));
  if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || (error instanceof ApiError && error.status === 413)) {
    return reply.status(413).send(esErrorBody(tooLong(deps.limits.bodyBytes).cause, 413));
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return reply.status(error.statusCode).send(esErrorBody({ type: 'illegal_argument_exception', reason: `the request is malformed [TINSEL_ERR_BAD_REQUEST]` }, error.statusCode));
  }
  // The client gets a code; the details, which may hold SQL, stay in the server's log.
  deps.log?.({ level: 'error', msg: 'Elasticsearch-compatible request failed', method: request.method, url: request.url, error: error.message });
  return reply.status(500).send(esErrorBody({ type: 'exception', reason: 'Tinsel failed to handle the request; the server log has the details [TINSEL_ERR_INTERNAL]' }, 500));
}
