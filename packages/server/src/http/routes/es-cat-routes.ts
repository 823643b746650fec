import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { catalogOf, type EsState } from './es-state.ts';
import { CLUSTER_NAME, ES_COMPATIBLE_VERSION } from './es-cluster-routes.ts';
import { matchesEsPattern } from './es-name-pattern.ts';

type Row = Record<string, string>;

// Short column names `h=` accepts. Serilog.Sinks.Elasticsearch before 9 read the version from `_cat/nodes?h=v`.
const ALIASES: Record<string, string> = { v: 'version', i: 'index', h: 'health', s: 'status', dc: 'docs.count', n: 'name', a: 'alias' };

/**
 * `GET /_cat/{what}`: the compact text tables (`?v` adds the header row,
 * `?format=json` answers JSON rows, `?h=a,b` picks columns) for `health`,
 * `indices`, `count`, `nodes`, `templates` and `aliases`. Any other `_cat`
 * table answers with no rows, so a shipper probing it is not refused.
 */
export function registerEsCatRoutes(app: FastifyInstance, state: EsState): void {
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const { what, target } = request.params as { what: string; target?: string };
    return answer(request, reply, rowsOf(what, state, target));
  };
  app.get('/_cat/:what', handler);
  app.get('/_cat/:what/:target', handler);
  app.get('/_cat', async (_request, reply) => reply.type('text/plain; charset=UTF-8').send(['health', 'indices', 'count', 'nodes', 'templates', 'aliases'].map((t) => `/_cat/${t}\n`).join('')));
}

function rowsOf(what: string, state: EsState, target: string | undefined): Row[] {
  const epoch = Math.floor(Date.now() / 1000);
  const timestamp = new Date().toISOString().slice(11, 19);
  const indices = [...state.indices].filter(([name]) => target === undefined || matchesEsPattern(name, target));
  switch (what) {
    case 'health':
      return [{ epoch: String(epoch), timestamp, cluster: CLUSTER_NAME, status: 'green', 'node.total': '1', 'node.data': '1', shards: String(state.indices.size), pri: String(state.indices.size), relo: '0', init: '0', unassign: '0', pending_tasks: '0', max_task_wait_time: '-', active_shards_percent: '100.0%' }];
    case 'indices':
      return indices.map(([index, docs]) => ({ health: 'green', status: 'open', index, uuid: state.clusterUuid, pri: '1', rep: '0', 'docs.count': String(docs), 'docs.deleted': '0', 'store.size': '0b', 'pri.store.size': '0b' }));
    case 'count':
      return [{ epoch: String(epoch), timestamp, count: String(indices.reduce((sum, [, docs]) => sum + docs, 0)) }];
    case 'nodes':
      return [{ ip: '127.0.0.1', 'heap.percent': '0', 'ram.percent': '0', cpu: '0', load_1m: '0', 'node.role': 'dim', master: '*', name: CLUSTER_NAME, version: ES_COMPATIBLE_VERSION }];
    case 'templates':
      return [...catalogOf(state, 'index_template').keys(), ...catalogOf(state, 'template').keys()].map((name) => ({ name, index_patterns: '[]', order: '0', version: '', composed_of: '[]' }));
    case 'aliases':
      return [...state.aliases].map(([alias, index]) => ({ alias, index, filter: '-', 'routing.index': '-', 'routing.search': '-', is_write_index: 'true' }));
    default:
      return [];
  }
}

function answer(request: FastifyRequest, reply: FastifyReply, rows: Row[]) {
  const query = request.query as { format?: string; v?: string; h?: string };
  const columns = query.h ? query.h.split(',') : Object.keys(rows[0] ?? {});
  const picked = rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? row[ALIASES[c] ?? ''] ?? ''])));
  if (query.format === 'json') return reply.type('application/json; charset=UTF-8').send(picked);
  const lines = picked.map((row) => columns.map((c) => row[c]));
  if (query.v !== undefined && columns.length > 0) lines.unshift(columns);
  const widths = columns.map((_c, i) => Math.max(...lines.map((line) => (line[i] ?? '').length)));
  const text = lines.map((line) => line.map((cell, i) => (cell ?? '').padEnd(widths[i] ?? 0)).join(' ').trimEnd() + '\n').join('');
  return reply.type('text/plain; charset=UTF-8').send(text);
}
