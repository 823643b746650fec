import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decodeEsBulk, encodeEsBulkResponse, logCounterName, writeLogBatch, type EsBulkDecoded } from '@tinsel/ingest';
import type { AppDeps } from '../create-app.ts';
import { filterEsResponse } from './es-filter-path.ts';
import { EsHttpError, readEsBody, readEsJson } from './es-request-body.ts';
import { remember, type EsState } from './es-state.ts';

const SOURCE = 'es-bulk';

/**
 * `POST|PUT /_bulk` and `/{index}/_bulk`, and the single-document forms
 * (`/{index}/_doc`, `/{index}/_doc/{id}`, `/{index}/_create/{id}`). Stored
 * rows and dead letters are committed together before the answer, so a
 * `201` item is in the store and a refused one is not.
 */
export function registerEsBulkRoute(app: FastifyInstance, deps: AppDeps, state: EsState): void {
  const bulk = async (request: FastifyRequest, reply: FastifyReply) => {
    const started = performance.now();
    const { index } = request.params as { index?: string };
    const body = readEsBody(request, deps.limits.bodyBytes).toString('utf8');
    const decoded = await ingest(body, index ?? null, deps, state);
    const text = encodeEsBulkResponse(decoded.items, performance.now() - started, () => state.seqNo++);
    const filter = (request.query as { filter_path?: string }).filter_path;
    reply.type('application/json; charset=UTF-8');
    return filter ? filterEsResponse(JSON.parse(text) as unknown, filter) : text;
  };
  app.route({ method: ['POST', 'PUT'], url: '/_bulk', handler: bulk });
  app.route({ method: ['POST', 'PUT'], url: '/:index/_bulk', handler: bulk });

  const single = (action: 'index' | 'create') => async (request: FastifyRequest, reply: FastifyReply) => {
    const { index, id } = request.params as { index: string; id?: string };
    const doc = readEsJson(request, deps.limits.bodyBytes);
    const meta = JSON.stringify({ [action]: id === undefined ? { _index: index } : { _index: index, _id: id } });
    // One line per document, as the bulk reader wants it, whatever the client's layout.
    const decoded = await ingest(`${meta}\n${JSON.stringify(doc)}\n`, index, deps, state);
    const item = decoded.items[0]!;
    if (item.error !== null) throw new EsHttpError(item.status, item.error);
    const seqNo = state.seqNo++;
    return reply.status(201).send({ _index: item.index, _id: item.id, _version: 1, result: 'created', _shards: { total: 1, successful: 1, failed: 0 }, _seq_no: seqNo, _primary_term: 1 });
  };
  app.post('/:index/_doc', single('index'));
  app.route({ method: ['POST', 'PUT'], url: '/:index/_doc/:id', handler: single('index') });
  app.route({ method: ['POST', 'PUT'], url: '/:index/_create/:id', handler: single('create') });
}

async function ingest(body: string, index: string | null, deps: AppDeps, state: EsState): Promise<EsBulkDecoded> {
  const decoded = decodeEsBulk(body, {
    defaultIndex: index,
    receivedAt: Date.now() * 1000,
    idPrefix: randomBytes(9).toString('base64url'),
    traceIdProperties: deps.logs?.traceIdProperties,
  });
  if (!decoded.ok) throw new EsHttpError(400, decoded.error);
  const { records, rejected, items, unsupported } = decoded.value;
  await writeLogBatch(deps.store, deps.counters, { source: SOURCE, records, rejected });
  if (unsupported > 0) deps.counters.add(logCounterName(SOURCE, 'unsupported_actions'), unsupported);
  for (const item of items) if (item.error === null) remember(state.indices, item.index, (state.indices.get(item.index) ?? 0) + 1);
  return decoded.value;
}
