import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors.ts';
import { AUTH_SCOPES, type ApiKeyStore, type AuthScope } from './api-key-store.ts';

const NAME = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Key management (the `admin` scope, as every route not declared otherwise):
 * `GET /api/keys` lists names, scopes and sources; `POST /api/keys` with
 * `{"name", "scopes"}` creates a random key and answers its secret, the only
 * time it is shown; `DELETE /api/keys/:name` revokes a key created this way.
 */
export function registerKeyRoutes(app: FastifyInstance, keys: ApiKeyStore): void {
  app.get('/api/keys', async () => ({ keys: keys.list() }));

  app.post('/api/keys', async (request, reply) => {
    const body = (request.body ?? {}) as { name?: unknown; scopes?: unknown };
    if (typeof body.name !== 'string' || !NAME.test(body.name)) throw new ApiError('TINSEL_ERR_KEY_INVALID', 'name: expected 1 to 64 letters, digits, dots, dashes or underscores.');
    const scopes = body.scopes;
    if (!Array.isArray(scopes) || scopes.length === 0 || scopes.some((s) => !AUTH_SCOPES.includes(s as AuthScope))) {
      throw new ApiError('TINSEL_ERR_KEY_INVALID', `scopes: expected a non-empty list of ${AUTH_SCOPES.join(', ')}.`);
    }
    const key = keys.create(body.name, [...new Set(scopes as AuthScope[])]);
    if (key === 'exists') throw new ApiError('TINSEL_ERR_KEY_EXISTS');
    return reply.status(201).send({ name: body.name, scopes: [...new Set(scopes)], key });
  });

  app.delete('/api/keys/:name', async (request, reply) => {
    const outcome = keys.revoke((request.params as { name: string }).name);
    if (outcome === 'not-found') throw new ApiError('TINSEL_ERR_KEY_NOT_FOUND');
    if (outcome === 'from-config') throw new ApiError('TINSEL_ERR_KEY_FROM_CONFIG');
    return reply.status(204).send();
  });
}
