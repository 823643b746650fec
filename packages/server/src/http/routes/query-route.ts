import type { FastifyInstance } from 'fastify';
import { parseAnyTraceId, signals, type Signal } from '@tinsel/model';
import { parseTime, selectRows } from '@tinsel/query';
import type { AppDeps } from '../create-app.ts';
import { ApiError } from '../../errors.ts';
import { timeRange } from './time-range.ts';

interface QueryBody {
  query?: string;
  signal?: string;
  from?: string;
  to?: string;
  limit?: number;
}

/**
 * `POST /api/query`. For now the query is empty (every row in the range) or
 * `trace:<any id form>`; the full query language comes with TQL.
 */
export function registerQueryRoute(app: FastifyInstance, deps: AppDeps): void {
  app.post('/api/query', async (request) => {
    const body = (request.body ?? {}) as QueryBody;
    const started = performance.now();
    const signal = (body.signal ?? 'requests') as Signal;
    if (!signals.includes(signal)) throw new ApiError('TINSEL_ERR_BAD_REQUEST', `signal: expected one of ${signals.join(', ')}`);
    const { from, to } = timeRange(body, parseTime, '-24h');
    const limit = body.limit ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new ApiError('TINSEL_ERR_BAD_REQUEST', 'limit: expected an integer from 1 to 10000');
    const traceId = traceFilter(body.query ?? '');
    const rows = await deps.store.query(selectRows(deps.store.dialect, { signal, from, to, traceId, limit }));
    return { rows, stats: { returned: rows.length, elapsedMs: Math.round((performance.now() - started) * 100) / 100 } };
  });
}

function traceFilter(query: string): string | null {
  const text = query.trim();
  if (text === '' || text === '*') return null;
  const match = /^trace:(.+)$/s.exec(text);
  if (!match) throw new ApiError('TINSEL_ERR_QUERY_UNSUPPORTED', 'Only an empty query or trace:<id> is supported until the query language lands.');
  const parsed = parseAnyTraceId(match[1]!);
  if (!parsed.ok) throw new ApiError('TINSEL_ERR_BAD_REQUEST', `trace: ${parsed.reason}`);
  return parsed.value.traceId;
}
