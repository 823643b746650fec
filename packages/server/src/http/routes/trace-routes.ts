import type { FastifyInstance } from 'fastify';
import { parseAnyTraceId } from '@tinsel/model';
import { inheritServices, keepLatestVersions, selectTraceSpans, traceWindow } from '@tinsel/query';
import { ApiError } from '../../errors.ts';
import type { AppDeps } from '../create-app.ts';

/**
 * `GET /api/traces/:id`: every span of a trace with its parent, for any id
 * form (X-Ray, 32 hex, a whole X-Amzn-Trace-Id header, a traceparent).
 */
export function registerTraceRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/traces/:id', async (request) => {
    const raw = decodeURIComponent((request.params as { id: string }).id);
    const parsed = parseAnyTraceId(raw);
    if (!parsed.ok) throw new ApiError('TINSEL_ERR_BAD_REQUEST', `id: ${parsed.reason}`);
    const { traceId, epochSecond } = parsed.value;
    const window = traceWindow(epochSecond);
    const reader = (await deps.store.traceScope?.(traceId)) ?? deps.store;
    let spans = await reader.query(selectTraceSpans(reader.dialect, traceId, window));
    // A W3C id's first digits can look like a time by chance: look again without the bound.
    if (spans.length === 0 && window !== null) spans = await reader.query(selectTraceSpans(reader.dialect, traceId, null));
    return { traceId, spans: inheritServices(keepLatestVersions(spans)) };
  });
}
