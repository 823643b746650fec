import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiKeyStore } from './api-key-store.ts';
import { presentedKeys } from './presented-keys.ts';
import { refuse } from './refusal.ts';
import { ruleFor, type ListenerKind } from './route-scopes.ts';
import type { WebSessions } from './web-sessions.ts';

/** A route as registered, for the test that checks every one of them is guarded. */
export interface RegisteredRoute {
  method: string;
  url: string;
}

const registered = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/**
 * Guards every route of a listener: an `onRequest` hook, so a refused
 * request is answered before its body is read. A request that presents a
 * key is judged by the key; one that presents none, by its web UI session
 * cookie (on the API listener only, the one the browser talks to). With no
 * key and no user configured the hook lets everything through
 * (startListeners keeps such a server on loopback). Install it before any
 * route is registered.
 */
export function installAuthHook(app: FastifyInstance, keys: ApiKeyStore, kind: ListenerKind, web?: WebSessions): void {
  const routes: RegisteredRoute[] = [];
  registered.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  const cookies = kind === 'api' ? web : undefined;
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    // Checked per request: the first key created through the API closes an open server at once.
    if (!keys.enabled && !web?.required) return;
    const rule = ruleFor(kind, request.method, request.routeOptions.url);
    if (rule.scope === 'open') return;
    const scope = rule.scope;
    const presented = presentedKeys(request);
    if (presented.length === 0 && cookies !== undefined) {
      const found = cookies.fromRequest(request);
      if (found !== null) return found.session.scopes.has(scope) ? undefined : refuse(reply, request, rule.dialect, 'scope', scope, `${found.session.kind} ${found.session.name}`);
    }
    const match = presented.length > 0 ? keys.match(presented) : null;
    if (match === null) return refuse(reply, request, rule.dialect, presented.length === 0 ? 'missing' : 'wrong', scope);
    if (!match.scopes.has(scope)) return refuse(reply, request, rule.dialect, 'scope', scope, `key ${match.name}`);
  });
}

/** Every route registered on an app since its hook was installed (HEAD twins included). */
export function registeredRoutes(app: FastifyInstance): readonly RegisteredRoute[] {
  return registered.get(app) ?? [];
}
