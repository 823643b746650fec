import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { logCounterName, writeLogBatch } from '@tinsel/ingest';
import { serverErrors } from '../../errors.ts';
import type { AppDeps } from '../create-app.ts';
import { decodeSeqBody } from './decode-seq-body.ts';
import { inflateLogBody } from './inflate-log-body.ts';

const SOURCE = 'seq-clef';
// What Seq answers on success: the sinks read MinimumLevelAccepted to raise
// their level; null leaves them as configured.
const ACCEPTED = '{"MinimumLevelAccepted":null}';

/**
 * Seq's ingestion API, answered as Seq answers it so Serilog.Sinks.Seq,
 * seq-logging, pino-seq and winston-seq report success unchanged:
 * `POST /api/events/raw` (and `/ingest/clef`) take CLEF lines or the older
 * `{"Events":[…]}` batch → 201. One bad event refuses the whole batch with
 * a 400 naming it (the bad event is dead-lettered, nothing else stored);
 * a body over the limit is a 413. `GET /api` answers the start-up probe.
 */
export function registerSeqIngestRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
      if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return seqError(reply, 413, 'TINSEL_ERR_BODY_TOO_LARGE', serverErrors.TINSEL_ERR_BODY_TOO_LARGE.message);
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return seqError(reply, error.statusCode, 'TINSEL_ERR_BAD_REQUEST', serverErrors.TINSEL_ERR_BAD_REQUEST.message);
      deps.log?.({ level: 'error', msg: 'Seq ingestion failed', url: request.url, error: error.message });
      // A 500 tells the sinks to retry; the details stay in the server's log.
      return seqError(reply, 500, 'TINSEL_ERR_INTERNAL', serverErrors.TINSEL_ERR_INTERNAL.message);
    });
    const ingest = (request: FastifyRequest, reply: FastifyReply) => ingestSeq(deps, request, reply);
    scope.post('/api/events/raw', ingest);
    scope.post('/ingest/clef', ingest);
    const root = (_request: FastifyRequest, reply: FastifyReply) => reply.type('application/json').send(SEQ_ROOT);
    scope.get('/api', root);
    scope.get('/api/', root);
  });
}

const SEQ_ROOT = JSON.stringify({
  Product: 'Seq (Tinsel)',
  Version: '2024.3.0',
  InstanceName: 'tinsel',
  Links: { Events: 'api/events', EventsRaw: 'api/events/raw', IngestClef: 'ingest/clef' },
});

async function ingestSeq(deps: AppDeps, request: FastifyRequest, reply: FastifyReply) {
  const query = (request.query ?? {}) as Record<string, string | undefined>;
  if (!apiKeyAccepted(deps.logs?.seqApiKeys ?? [], request.headers['x-seq-apikey'], query.apiKey)) {
    return seqError(reply, 401, 'TINSEL_ERR_SEQ_API_KEY', serverErrors.TINSEL_ERR_SEQ_API_KEY.message);
  }
  const body = inflateLogBody(request.body as Buffer | undefined, deps.limits.bodyBytes);
  if (typeof body === 'string') return seqError(reply, 400, 'TINSEL_ERR_BAD_REQUEST', body);
  const text = body.toString('utf8');
  if (text.trim() === '') return reply.status(201).type('application/json').send(ACCEPTED);
  const options = { source: SOURCE, traceIdProperties: deps.logs?.traceIdProperties };
  const decoded = decodeSeqBody(text, { clef: query.clef !== undefined, contentType: String(request.headers['content-type'] ?? '') }, options);
  if (!decoded.ok) {
    deps.counters.add(logCounterName(SOURCE, 'batches_rejected'));
    return seqError(reply, 400, 'TINSEL_ERR_LOG_BATCH_REJECTED', `The request body could not be read: ${decoded.reason}`);
  }
  const { records, rejected, unit } = decoded.value;
  if (rejected.length > 0) {
    // Seq refuses the batch whole: the good events are not stored either,
    // and the client (Serilog's durable sink) drops the payload on a 400.
    await writeLogBatch(deps.store, deps.counters, { source: SOURCE, records: [], rejected });
    deps.counters.add(logCounterName(SOURCE, 'batches_rejected'));
    const first = rejected[0]!;
    return seqError(reply, 400, 'TINSEL_ERR_LOG_BATCH_REJECTED', `Invalid event at ${unit} ${first.position}: ${first.reason}`);
  }
  await writeLogBatch(deps.store, deps.counters, { source: SOURCE, records, rejected: [] });
  return reply.status(201).type('application/json').send(ACCEPTED);
}

/** Any key when none are configured; else the last `X-Seq-ApiKey` header, or `?apiKey`, must be one of them. */
function apiKeyAccepted(keys: readonly string[], header: string | string[] | undefined, query: string | undefined): boolean {
  if (keys.length === 0) return true;
  const key = Array.isArray(header) ? header[header.length - 1] : (header ?? query);
  return key !== undefined && keys.includes(key);
}

/** Seq's error shape, `{"Error": "…"}`, with Tinsel's code beside it. */
function seqError(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.status(status).type('application/json').send({ Error: message, code });
}
