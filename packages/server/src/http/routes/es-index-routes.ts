import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../create-app.ts';
import { esErrorBody } from './es-error-body.ts';
import { matchesEsPattern } from './es-name-pattern.ts';
import { readEsJson } from './es-request-body.ts';
import { remember, type EsState } from './es-state.ts';

const SHARDS = { total: 1, successful: 1, failed: 0 };

/**
 * Index, alias and data-stream calls. Every index name can be written (all
 * documents land in the logs table), so `HEAD|GET /{index}` finds any index
 * and `PUT /{index}` is acknowledged; the aliases such a PUT or `_aliases`
 * declares are remembered, so Logstash's rollover-alias check sees the alias
 * it created. `/{index}` itself is served only where the root path is
 * Elasticsearch's (port 9200); the `_`-prefixed calls everywhere.
 */
export function registerEsIndexRoutes(app: FastifyInstance, deps: AppDeps, state: EsState, withIndexRoot: boolean): void {
  const refresh = async () => ({ _shards: SHARDS });
  app.route({ method: ['GET', 'POST'], url: '/_refresh', handler: refresh });
  app.route({ method: ['GET', 'POST'], url: '/:index/_refresh', handler: refresh });
  app.get('/_alias', async () => aliasesOf(state, '*'));
  app.get('/_alias/:name', async (request: FastifyRequest, reply: FastifyReply) => {
    const { name } = request.params as { name: string };
    const found = aliasesOf(state, name);
    if (Object.keys(found).length === 0) return reply.status(404).send({ error: `alias [${name}] missing`, status: 404 });
    return found;
  });
  app.post('/_aliases', async (request: FastifyRequest) => {
    const body = readEsJson(request, deps.limits.bodyBytes) as { actions?: { add?: { index?: string; alias?: string } }[] } | null;
    for (const action of body?.actions ?? []) if (action.add?.alias && action.add.index) remember(state.aliases, action.add.alias, action.add.index);
    return { acknowledged: true, errors: false };
  });
  app.get('/_data_stream', async () => ({ data_streams: [...state.indices.keys()].filter((n) => n.startsWith('logs-')).map(dataStream) }));
  app.get('/_data_stream/:name', async (request: FastifyRequest) => ({ data_streams: (request.params as { name: string }).name.split(',').map(dataStream) }));
  app.put('/_data_stream/:name', async (request: FastifyRequest) => {
    remember(state.indices, (request.params as { name: string }).name, 0);
    return { acknowledged: true };
  });
  if (withIndexRoot) registerIndexRoot(app, deps, state);
}

function registerIndexRoot(app: FastifyInstance, deps: AppDeps, state: EsState): void {
  app.get('/:index', async (request: FastifyRequest, reply: FastifyReply) => {
    const { index } = request.params as { index: string };
    const invalid = invalidName(index);
    if (invalid !== null) return reply.status(400).send(invalid);
    return Object.fromEntries(index.split(',').map((name) => [name, { aliases: {}, mappings: {}, settings: { index: { number_of_shards: '1', number_of_replicas: '0', provided_name: name, uuid: state.clusterUuid, version: { created: '8521000' } } } }]));
  });
  app.put('/:index', async (request: FastifyRequest, reply: FastifyReply) => {
    const { index } = request.params as { index: string };
    const invalid = invalidName(index) ?? (index !== index.toLowerCase() ? invalidIndex(index, 'must be lowercase') : null);
    if (invalid !== null) return reply.status(400).send(invalid);
    const body = readEsJson(request, deps.limits.bodyBytes) as { aliases?: Record<string, unknown> } | null;
    remember(state.indices, index, state.indices.get(index) ?? 0);
    for (const alias of Object.keys(body?.aliases ?? {})) remember(state.aliases, alias, index);
    return { acknowledged: true, shards_acknowledged: true, index };
  });
  app.get('/:index/_mapping', async (request: FastifyRequest) => Object.fromEntries((request.params as { index: string }).index.split(',').map((name) => [name, { mappings: {} }])));
  app.put('/:index/_mapping', async () => ({ acknowledged: true }));
}

function aliasesOf(state: EsState, expression: string): Record<string, { aliases: Record<string, unknown> }> {
  const out: Record<string, { aliases: Record<string, unknown> }> = {};
  for (const [alias, index] of state.aliases) {
    if (!matchesEsPattern(alias, expression)) continue;
    (out[index] ??= { aliases: {} }).aliases[alias] = { is_write_index: true };
  }
  return out;
}

function dataStream(name: string) {
  return {
    name,
    timestamp_field: { name: '@timestamp' },
    indices: [{ index_name: `.ds-${name}-000001`, index_uuid: name }],
    generation: 1,
    status: 'GREEN',
    template: name,
    hidden: false,
    system: false,
    allow_custom_routing: false,
    replicated: false,
  };
}

// An unknown `_` endpoint lands on `/{index}`; Elasticsearch refuses such names the same way.
function invalidName(index: string) {
  return /^[_\-+]/.test(index) ? invalidIndex(index, "must not start with '_', '-', or '+'") : null;
}

function invalidIndex(index: string, problem: string) {
  return esErrorBody({ type: 'invalid_index_name_exception', reason: `Invalid index name [${index}], ${problem}` }, 400);
}
