import type { FastifyInstance } from 'fastify';
import { signals, type Signal } from '@tinsel/model';
import { decodeCursor, explainTql, parseTime, parseTql, runHistogram, runTql, summarizeFields, traceEpochOf, traceWindow, type TqlProblem, type TqlQuery } from '@tinsel/query';
import type { AppDeps } from '../create-app.ts';
import { ApiError } from '../../errors.ts';
import { timeRange } from './time-range.ts';

interface QueryBody {
  query?: unknown;
  signal?: unknown;
  // Declared as text for timeRange; rangeFor checks that they are.
  from?: string;
  to?: string;
  limit?: unknown;
  cursor?: unknown;
  interval?: unknown;
}

/**
 * The search API: `POST /api/query` (a page of rows, or stats/timechart
 * groups, with counts and an explanation), `POST /api/query/histogram`
 * (matches per time bucket) and `GET /api/fields` (the sidebar).
 */
export function registerQueryRoute(app: FastifyInstance, deps: AppDeps): void {
  app.post('/api/query', async (request) => {
    const started = performance.now();
    const body = (request.body ?? {}) as QueryBody;
    const signal = signalOf(body.signal);
    const query = parseOrRefuse(body.query);
    const range = rangeFor(body, query);
    const limit = body.limit ?? 100;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new ApiError('TINSEL_ERR_BAD_REQUEST', 'limit: expected an integer from 1 to 10000');
    const cursor = cursorOf(body.cursor);
    const { from, to } = range.fromTrace ? await widenIfEmpty(deps, query, signal, range) : range;
    const answer = orRefuse(await runTql(deps.store, query, { signal, from, to, limit, cursor }));
    return {
      rows: answer.rows,
      ...(answer.cursor ? { cursor: answer.cursor } : {}),
      shape: answer.shape,
      ...(answer.spanSeconds !== null ? { intervalSeconds: answer.spanSeconds } : {}),
      explanation: explainTql(query, signal),
      stats: { scanned: answer.scanned, matched: answer.total, returned: answer.rows.length, elapsedMs: elapsed(started) },
    };
  });

  app.post('/api/query/histogram', async (request) => {
    const started = performance.now();
    const body = (request.body ?? {}) as QueryBody;
    const signal = signalOf(body.signal);
    const query = parseOrRefuse(body.query);
    const { from, to } = rangeFor(body, query);
    const interval = body.interval ?? null;
    if (interval !== null && (typeof interval !== 'number' || !Number.isInteger(interval) || interval < 1)) throw new ApiError('TINSEL_ERR_BAD_REQUEST', 'interval: expected whole seconds, at least 1');
    const histogram = orRefuse(await runHistogram(deps.store, query, { signal, from, to, intervalSeconds: interval }));
    return { ...histogram, stats: { elapsedMs: elapsed(started) } };
  });

  app.get('/api/fields', async (request) => {
    const q = request.query as { signal?: string; from?: string; to?: string; query?: string };
    const signal = signalOf(q.signal);
    const query = parseOrRefuse(q.query);
    const { from, to } = rangeFor(q, query);
    return { signal, ...orRefuse(await summarizeFields(deps.store, query, { signal, from, to })) };
  });
}

function signalOf(value: unknown): Signal {
  const signal = value ?? 'requests';
  if (typeof signal !== 'string' || !signals.includes(signal as Signal)) throw new ApiError('TINSEL_ERR_BAD_REQUEST', `signal: expected one of ${signals.join(', ')}`);
  return signal as Signal;
}

/** Far longer than any query a person writes; a longer one is refused before it is parsed. */
const MAX_QUERY_CHARS = 16_384;

function parseOrRefuse(text: unknown): TqlQuery {
  if (text !== undefined && typeof text !== 'string') throw new ApiError('TINSEL_ERR_BAD_REQUEST', 'query: expected a string');
  if (text !== undefined && text.length > MAX_QUERY_CHARS) throw new ApiError('TINSEL_ERR_BAD_REQUEST', `query: longer than ${MAX_QUERY_CHARS} characters`);
  return orRefuse(parseTql(text ?? ''));
}

/** The time range asked for; with none, a trace clause whose id carries its start second bounds the range itself. */
function rangeFor(q: { from?: string; to?: string }, query: TqlQuery): { from: number; to: number; fromTrace: boolean } {
  for (const key of ['from', 'to'] as const) {
    if (q[key] !== undefined && typeof q[key] !== 'string') throw new ApiError('TINSEL_ERR_BAD_REQUEST', `${key}: expected a time as text: ISO-8601, now, or relative like -15m`);
  }
  const epoch = q.from === undefined && q.to === undefined ? traceEpochOf(query.filter) : null;
  const window = traceWindow(epoch);
  if (window) return { ...window, fromTrace: true };
  return { ...timeRange(q, parseTime, '-24h'), fromTrace: false };
}

/**
 * The time in a trace id is a guess (a W3C id may only look like one, and
 * some logs carry ids older than their requests): when nothing matches near
 * it, the query looks at every time.
 */
async function widenIfEmpty(deps: AppDeps, query: TqlQuery, signal: Signal, range: { from: number; to: number }): Promise<{ from: number; to: number }> {
  const probe = orRefuse(await runTql(deps.store, { ...query, pipes: [] }, { signal, ...range, limit: 1 }));
  return probe.total === 0 ? { from: 0, to: (Date.now() + 86_400_000) * 1000 } : range;
}


function cursorOf(value: unknown) {
  if (value === undefined || value === null) return null;
  const cursor = typeof value === 'string' ? decodeCursor(value) : null;
  if (!cursor?.ok) throw new ApiError('TINSEL_ERR_QUERY_CURSOR');
  return cursor.value;
}

const CODES = { syntax: 'TINSEL_ERR_QUERY_PARSE', field: 'TINSEL_ERR_QUERY_FIELD', value: 'TINSEL_ERR_QUERY_INVALID' } as const;

function orRefuse<T>(result: { ok: true; value: T } | ({ ok: false } & TqlProblem)): T {
  if (result.ok) return result.value;
  throw new ApiError(CODES[result.kind], result.reason, { details: { column: result.column, expected: result.expected } });
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
