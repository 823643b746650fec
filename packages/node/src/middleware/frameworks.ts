import type { IncomingMessage, ServerResponse } from 'node:http';
import { runInContext } from '../context/ambient.ts';
import { beginServerRequest, type ServerTracing } from './server-request.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

/** Wraps a plain `node:http` handler so that it runs inside the request's context. */
export function wrapHttpHandler(tracing: ServerTracing, handler: Handler): Handler {
  return (req, res) => runInContext(beginServerRequest(tracing, req, res), () => handler(req, res));
}

/** Express (4 or 5) middleware; mount it first. The route is read from `req.route` once matched. */
export function expressMiddleware(tracing: ServerTracing): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  return (req, res, next) => {
    const ambient = beginServerRequest(tracing, req, res);
    const expressRequest = req as IncomingMessage & { route?: { path?: unknown }; baseUrl?: string };
    ambient.resolveRoute = () => (typeof expressRequest.route?.path === 'string' ? `${expressRequest.baseUrl ?? ''}${expressRequest.route.path}` : null);
    runInContext(ambient, next);
  };
}

interface FastifyLike {
  addHook(name: 'onRequest', hook: (request: { raw: IncomingMessage; routeOptions?: { url?: string } }, reply: { raw: ServerResponse }, done: () => void) => void): unknown;
}

/**
 * A Fastify plugin: `app.register(tinsel.fastify)`. Marked to skip Fastify's
 * encapsulation so that its hook sees every route.
 */
export function fastifyPlugin(tracing: ServerTracing): (app: FastifyLike, _options: unknown, done: () => void) => void {
  const plugin = (app: FastifyLike, _options: unknown, done: () => void): void => {
    app.addHook('onRequest', (request, reply, hookDone) => {
      const ambient = beginServerRequest(tracing, request.raw, reply.raw);
      ambient.resolveRoute = () => request.routeOptions?.url ?? null;
      runInContext(ambient, hookDone);
    });
    done();
  };
  Object.assign(plugin, { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: '@tinsel/node' });
  return plugin;
}
