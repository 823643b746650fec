import type { FastifyInstance } from 'fastify';
import type { Incident } from '@tinsel/insights';
import { parseTime } from '@tinsel/query';
import { ApiError } from '../../errors.ts';
import type { InsightsRuntime } from '../../insights/insights-runtime.ts';
import type { AppDeps } from '../create-app.ts';
import { timeRange } from './time-range.ts';

/** The insights runtime of a server that has one; a 503 with its code otherwise. */
export function insightsOf(deps: AppDeps): InsightsRuntime {
  if (!deps.insights) throw new ApiError('TINSEL_ERR_INSIGHTS_DISABLED');
  return deps.insights;
}

/**
 * `GET /api/insights?from&to&status&limit`: incidents opened in the range,
 * newest first, summarised; `GET /api/insights/:id`: one incident whole,
 * with its signals, root-cause candidates, sample stories and timeline.
 */
export function registerInsightsRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/insights', async (request) => {
    const q = request.query as Record<string, string | undefined>;
    const { from, to } = timeRange(q, parseTime, '-24h');
    if (q.status !== undefined && q.status !== 'open' && q.status !== 'resolved') throw new ApiError('TINSEL_ERR_BAD_REQUEST', 'status: open or resolved');
    const limit = q.limit === undefined ? 100 : Number(q.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new ApiError('TINSEL_ERR_BAD_REQUEST', 'limit: an integer from 1 to 1000');
    const incidents = await insightsOf(deps).incidents.list({ fromMs: Math.floor(from / 1000), toMs: Math.ceil(to / 1000), limit, ...(q.status ? { status: q.status } : {}) });
    return { incidents: incidents.map(summary) };
  });

  app.get('/api/insights/:id', async (request) => {
    const { id } = request.params as { id: string };
    const incident = await insightsOf(deps).incidents.get(id);
    if (!incident) throw new ApiError('TINSEL_ERR_INCIDENT_NOT_FOUND');
    return { ...withTimes(incident), samples: incident.sampleTraceIds.map((traceId) => ({ traceId, story: `/api/story/${traceId}` })) };
  });
}

function summary(i: Incident) {
  const top = i.candidates[0];
  return {
    id: i.id, status: i.status, family: i.family, title: i.title,
    openedAt: iso(i.openedAt), updatedAt: iso(i.updatedAt), resolvedAt: i.resolvedAt === null ? null : iso(i.resolvedAt), onset: iso(i.onset),
    topCause: top ? { dimension: top.dimension, value: top.value, badShare: top.badShare, lift: top.lift } : null,
    requests: i.impact.requests, badRequests: i.impact.badRequests, tenants: i.impact.tenants.length,
  };
}

function withTimes(i: Incident) {
  return {
    ...i,
    openedAt: iso(i.openedAt), updatedAt: iso(i.updatedAt), resolvedAt: i.resolvedAt === null ? null : iso(i.resolvedAt), onset: iso(i.onset), lastAnomalous: iso(i.lastAnomalous),
    signals: i.signals.map((s) => ({ ...s, minute: iso(s.minute) })),
    timeline: i.timeline.map((e) => ({ ...e, at: iso(e.at) })),
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
