import type { FastifyInstance } from 'fastify';
import { listDeadLetters } from '@tinsel/query';
import type { AppDeps } from '../create-app.ts';
import { ApiError } from '../../errors.ts';

/** `GET /api/dead-letters?source=&signal=&limit=`: the newest rejected inputs with their reasons. */
export function registerDeadLetterRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/dead-letters', async (request) => {
    const q = request.query as Record<string, string | undefined>;
    const limit = q.limit === undefined ? 100 : Number(q.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new ApiError('TINSEL_ERR_BAD_REQUEST', 'limit: expected an integer from 1 to 10000');
    const rows = await deps.store.query(listDeadLetters({ source: q.source ?? null, signal: q.signal ?? null, limit }));
    return { rows };
  });
}
