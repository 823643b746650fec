import { hostname } from 'node:os';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../create-app.ts';
import type { EsState } from './es-state.ts';

/**
 * The Elasticsearch version Tinsel answers as: an 8.x release, so Vector
 * picks its v8 API, Logstash (≥ 7.14) checks the product header, and the
 * official clients' compatibility rules are met.
 */
export const ES_COMPATIBLE_VERSION = '8.17.0';
const BUILD_DATE = '2024-12-11T12:08:05.663969764Z';
/** The cluster name every probe answers with. */
export const CLUSTER_NAME = 'tinsel';

/**
 * The cluster probes shippers make before sending: `GET /` (version),
 * `_cluster/health` (Vector's and winston-elasticsearch's health check),
 * `_license` (Logstash marks a cluster without an active one dead), `_xpack`
 * (Logstash's ILM check) and `_nodes` (sniffing). `GET /` is served only
 * where the root path is Elasticsearch's (port 9200), not on the API port.
 */
export function registerEsClusterRoutes(app: FastifyInstance, deps: AppDeps, state: EsState, withRoot: boolean): void {
  if (withRoot) app.get('/', async () => rootInfo(state));
  const health = async () => clusterHealth(state);
  app.get('/_cluster/health', health);
  app.get('/_cluster/health/:index', health);
  app.get('/_license', async () => ({ license: { status: 'active', uid: state.clusterUuid, type: 'basic', issue_date: BUILD_DATE, issue_date_in_millis: Date.parse(BUILD_DATE), max_nodes: 1000, max_resource_units: null, issued_to: CLUSTER_NAME, issuer: 'elasticsearch', start_date_in_millis: -1 } }));
  app.get('/_xpack', async () => ({
    build: { hash: 'tinsel', date: BUILD_DATE },
    license: { uid: state.clusterUuid, type: 'basic', mode: 'basic', status: 'active' },
    features: Object.fromEntries(['ilm', 'monitoring', 'security', 'slm', 'watcher'].map((name) => [name, { available: name !== 'watcher', enabled: name === 'ilm' || name === 'slm' }])),
    tagline: 'You know, for X',
  }));
  const nodes = async (request: FastifyRequest) => nodesInfo(state, request, deps.limits.bodyBytes);
  app.get('/_nodes', nodes);
  app.get('/_nodes/*', nodes);
}

function rootInfo(state: EsState) {
  return {
    name: hostname(),
    cluster_name: CLUSTER_NAME,
    cluster_uuid: state.clusterUuid,
    version: {
      number: ES_COMPATIBLE_VERSION,
      build_flavor: 'default',
      build_type: 'docker',
      build_hash: 'tinsel',
      build_date: BUILD_DATE,
      build_snapshot: false,
      lucene_version: '9.12.0',
      minimum_wire_compatibility_version: '7.17.0',
      minimum_index_compatibility_version: '7.0.0',
    },
    tagline: 'You Know, for Search',
  };
}

/** Green always: every index is one shard on this one node, and writes go straight to the store. */
export function clusterHealth(state: EsState) {
  const shards = state.indices.size;
  return {
    cluster_name: CLUSTER_NAME,
    status: 'green',
    timed_out: false,
    number_of_nodes: 1,
    number_of_data_nodes: 1,
    active_primary_shards: shards,
    active_shards: shards,
    relocating_shards: 0,
    initializing_shards: 0,
    unassigned_shards: 0,
    delayed_unassigned_shards: 0,
    number_of_pending_tasks: 0,
    number_of_in_flight_fetch: 0,
    task_max_waiting_in_queue_millis: 0,
    active_shards_percent_as_number: 100.0,
  };
}

function nodesInfo(state: EsState, request: FastifyRequest, bodyBytes: number) {
  // Sniffing clients connect to publish_address: the address this request reached.
  const address = request.headers.host ?? `${request.socket.localAddress}:${request.socket.localPort}`;
  const host = address.replace(/:\d+$/, '');
  return {
    _nodes: { total: 1, successful: 1, failed: 0 },
    cluster_name: CLUSTER_NAME,
    nodes: {
      [state.nodeId]: {
        name: hostname(),
        transport_address: address,
        host,
        ip: host,
        version: ES_COMPATIBLE_VERSION,
        build_flavor: 'default',
        build_type: 'docker',
        build_hash: 'tinsel',
        roles: ['data', 'ingest', 'master'],
        http: { bound_address: [address], publish_address: address, max_content_length_in_bytes: bodyBytes },
      },
    },
  };
}
