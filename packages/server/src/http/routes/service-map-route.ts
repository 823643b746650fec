import type { FastifyInstance } from 'fastify';
import { loadBalancerCalls, parseTime, remoteCalls, serviceCalls, serviceNodes } from '@tinsel/query';
import type { ResultRow } from '@tinsel/store';
import type { AppDeps } from '../create-app.ts';
import { timeRange } from './time-range.ts';

interface MapNode {
  id: string;
  name: string;
  type: 'service' | 'remote' | 'load-balancer';
  spans: number;
  errors: number;
  faults: number;
  throttles: number;
}

/**
 * `GET /api/service-map?from&to`: services, the remote things they call and
 * the load balancers in front of them as nodes; calls as edges with counts,
 * error and fault rates and latency percentiles.
 */
export function registerServiceMapRoute(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/service-map', async (request) => {
    const { from, to } = timeRange(request.query as Record<string, string | undefined>, parseTime);
    const d = deps.store.dialect;
    const [services, calls, remotes, balancers] = await Promise.all([
      deps.store.query(serviceNodes(d, from, to)),
      deps.store.query(serviceCalls(d, from, to)),
      deps.store.query(remoteCalls(d, from, to)),
      deps.store.query(loadBalancerCalls(d, from, to)),
    ]);
    const nodes = new Map<string, MapNode>();
    for (const s of services) nodes.set(String(s.service), { id: String(s.service), name: String(s.service), type: 'service', ...figures(s), spans: Number(s.spans) });
    const edges = [
      ...calls.map((c) => edge(String(c.source), String(c.target), c)),
      ...remotes.map((c) => edge(String(c.source), addNode(nodes, 'remote', String(c.target)), c)),
      ...balancers.map((c) => edge(addNode(nodes, 'load-balancer', String(c.source)), String(c.target), c)),
    ];
    return { nodes: [...nodes.values()], edges };
  });
}

function addNode(nodes: Map<string, MapNode>, type: 'remote' | 'load-balancer', name: string): string {
  const id = `${type}:${name}`;
  if (!nodes.has(id)) nodes.set(id, { id, name, type, spans: 0, errors: 0, faults: 0, throttles: 0 });
  return id;
}

function figures(row: ResultRow) {
  return { errors: Number(row.errors), faults: Number(row.faults), throttles: Number(row.throttles) };
}

function edge(source: string, target: string, row: ResultRow) {
  const calls = Number(row.calls);
  const f = figures(row);
  return {
    source,
    target,
    calls,
    ...f,
    errorRate: f.errors / calls,
    faultRate: f.faults / calls,
    p50Ms: row.p50_ms,
    p95Ms: row.p95_ms,
    p99Ms: row.p99_ms,
  };
}
