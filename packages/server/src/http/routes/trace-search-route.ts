import type { FastifyInstance } from 'fastify';
import { parseTime, searchTraces, type TraceSearch } from '@tinsel/query';
import { ApiError } from '../../errors.ts';
import type { AppDeps } from '../create-app.ts';
import { timeRange } from './time-range.ts';

/**
 * `GET /api/traces?from&to&service&name&status&minDurationMs&maxDurationMs&annotation=key:value&limit`:
 * traces with a span matching every filter, newest first, each summed up.
 */
export function registerTraceSearchRoute(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/traces', async (request) => {
    const q = request.query as Record<string, string | undefined>;
    const { from, to } = timeRange(q, parseTime);
    const search: TraceSearch = { from, to, limit: integer(q.limit ?? '50', 'limit', 1, 1000) };
    if (q.service) search.service = q.service;
    if (q.name) search.name = q.name;
    if (q.status) {
      if (!['ok', 'error', 'fault', 'throttle'].includes(q.status)) throw new ApiError('TINSEL_ERR_BAD_REQUEST', 'status: expected ok, error, fault or throttle');
      search.status = q.status;
    }
    if (q.minDurationMs) search.minDurationMs = number(q.minDurationMs, 'minDurationMs');
    if (q.maxDurationMs) search.maxDurationMs = number(q.maxDurationMs, 'maxDurationMs');
    if (q.annotation) {
      const at = q.annotation.indexOf(':');
      if (at < 1) throw new ApiError('TINSEL_ERR_BAD_REQUEST', 'annotation: expected key:value');
      search.annotation = { key: q.annotation.slice(0, at), value: q.annotation.slice(at + 1) };
    }
    return { traces: await deps.store.query(searchTraces(deps.store.dialect, search)) };
  });
}

function number(text: string, name: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new ApiError('TINSEL_ERR_BAD_REQUEST', `${name}: expected a number of milliseconds`);
  return value;
}

function integer(text: string, name: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new ApiError('TINSEL_ERR_BAD_REQUEST', `${name}: expected an integer from ${min} to ${max}`);
  return value;
}
