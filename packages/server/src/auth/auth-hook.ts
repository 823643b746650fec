import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiKeyStore, AuthScope } from './api-key-store.ts';
import { presentedKeys } from './presented-keys.ts';
import { refuse } from './refusal.ts';
import { ruleFor, type ListenerKind } from './route-scopes.ts';

/** A route as registered, for the test that checks every one of them is guarded. */
export interface RegisteredRoute {
  method: string;
  url: string;
}

const registered = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/**
 * Guards every route of a listener: an `onRequest` hook, so a refused
 * request is answered before its body is read. With no key configured the
 * hook lets everything through (startListeners keeps such a server on
 * loopback). Install it before any route is registered.
 */
export function installAuthHook(app: FastifyInstance, keys: ApiKeyStore, kind: ListenerKind): void {
  const routes: RegisteredRoute[] = [];
  registered.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    // Checked per request: the first key created through the API closes an open server at once.
    if (!keys.enabled) return;
    const rule = ruleFor(kind, request.method, request.routeOptions.url);
    if (rule.scope === 'open') return;
    const presented = presentedKeys(request);
    const match = presented.length > 0 ? keys.match(presented) : null;
    if (match === null) return refuse(reply, request, rule.dialect, presented.length === 0 ? 'missing' : 'wrong', rule.scope);
    if (!match.scopes.has(rule.scope as AuthScope)) return refuse(reply, request, rule.dialect, 'scope', rule.scope, match.name);
  });
}

/** Every route registered on an app since its hook was installed (HEAD twins included). */
export function registeredRoutes(app: FastifyInstance): readonly RegisteredRoute[] {
  return registered.get(app) ?? [];
}
