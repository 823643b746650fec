import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../create-app.ts';
import { renderPrometheus } from '../../render-prometheus.ts';

/** Health, stats and Tinsel's own counters. */
export function registerHealthRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/health', async () => ({ status: 'ok', store: deps.store.dialect.name }));

  app.get('/api/stats', async () => {
    const stats = await deps.store.stats();
    return { ...stats, enrichment: deps.enricher.stats?.() ?? null, retention: deps.retention?.status() ?? null, counters: deps.counters.snapshot(), gauges: deps.gauges?.read() ?? {} };
  });

  app.get('/metrics', async (_request, reply) => {
    reply.type('text/plain; version=0.0.4');
    return renderPrometheus(deps.counters.snapshot(), deps.gauges?.read());
  });
}
