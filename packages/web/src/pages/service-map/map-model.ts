// The service map as drawn: remote databases optionally folded into their
// server, health per node, and the TQL / trace filters behind every node and
// edge. Pure, so it is tested without a browser.
import type { ServiceMapAnswer, ServiceMapEdge, ServiceMapNode } from '../../api/index.ts';

export type Health = 'ok' | 'warn' | 'error' | 'idle';

/** A node with the figures the map shows on it. */
export interface MapNode extends ServiceMapNode {
  /** The name as the map shows it: `tenant_0 @ db-0.internal` for a database URL. */
  label: string;
  /** Calls into it (spans for a service, calls for a remote, requests for a load balancer). */
  volume: number;
  /** Share of that volume that failed (fault, error or throttle; 5xx the load balancer produced). */
  failRate: number;
  p95Ms: number | null;
  health: Health;
  /** Ids of the API nodes folded into this one. */
  members: string[];
}

/** An edge; `p95Bound` is set when several edges were folded and only a bound is known. */
export interface MapEdge extends ServiceMapEdge {
  id: string;
  failRate: number;
  p95Bound: boolean;
}

/** What the load balancer's own access-log rows say, by load-balancer name. */
export interface BalancerFigures {
  requests: number;
  albErrors: number;
  p95Ms: number | null;
}

/** The host of a remote named by a URL (`postgresql://db-0.internal:5432/tenant_0` → `db-0.internal`), else null. */
export function remoteHost(name: string): string | null {
  const match = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^:/?#]+)/i.exec(name);
  return match?.[1] ?? null;
}

/** A short name for a remote named by a URL: its database and host. */
export function remoteLabel(name: string): string {
  const host = remoteHost(name);
  if (!host) return name;
  const database = /^[^:]+:\/\/[^/]+\/([^?#]+)/.exec(name)?.[1];
  return database ? `${database} @ ${host}` : host;
}

/** Health from a failure share: over 5 % is an error, over 1 % a warning. */
export function healthOf(failRate: number, volume: number): Health {
  if (volume === 0) return 'idle';
  return failRate > 0.05 ? 'error' : failRate > 0.01 ? 'warn' : 'ok';
}

function foldId(node: ServiceMapNode, group: boolean): string {
  if (!group || node.type !== 'remote') return node.id;
  const host = remoteHost(node.name);
  return host ? `remote-host:${host}` : node.id;
}

function foldEdges(edges: ServiceMapEdge[], idOf: (id: string) => string): MapEdge[] {
  const folded = new Map<string, MapEdge>();
  for (const e of edges) {
    const source = idOf(e.source);
    const target = idOf(e.target);
    const id = `${source}→${target}`;
    const seen = folded.get(id);
    if (!seen) {
      folded.set(id, { ...e, id, source, target, failRate: 0, p95Bound: false });
      continue;
    }
    // The p95 of merged calls is at most the largest p95 among them.
    Object.assign(seen, { calls: seen.calls + e.calls, errors: seen.errors + e.errors, faults: seen.faults + e.faults, throttles: seen.throttles + e.throttles, p50Ms: null, p99Ms: Math.max(seen.p99Ms ?? 0, e.p99Ms ?? 0), p95Ms: Math.max(seen.p95Ms ?? 0, e.p95Ms ?? 0), p95Bound: true });
  }
  for (const e of folded.values()) {
    e.errorRate = e.errors / Math.max(1, e.calls);
    e.faultRate = e.faults / Math.max(1, e.calls);
    e.failRate = (e.errors + e.faults + e.throttles) / Math.max(1, e.calls);
  }
  return [...folded.values()];
}

/**
 * The map to draw. Remote nodes get their figures from the calls into them;
 * load balancers from their access-log rows when known.
 */
export function buildMap(answer: ServiceMapAnswer, options: { groupRemotes: boolean; balancers: Map<string, BalancerFigures> }): { nodes: MapNode[]; edges: MapEdge[] } {
  const idOf = new Map(answer.nodes.map((n) => [n.id, foldId(n, options.groupRemotes)]));
  const edges = foldEdges(answer.edges, (id) => idOf.get(id) ?? id);
  const nodes = new Map<string, MapNode>();
  for (const n of answer.nodes) {
    const id = idOf.get(n.id)!;
    const seen = nodes.get(id);
    if (seen) seen.members.push(n.id);
    else {
      const name = id.startsWith('remote-host:') ? id.slice('remote-host:'.length) : n.name;
      nodes.set(id, { ...n, id, name, label: n.type === 'remote' ? remoteLabel(name) : name, members: [n.id], volume: 0, failRate: 0, p95Ms: null, health: 'idle' });
    }
  }
  for (const node of nodes.values()) figuresOf(node, edges, options.balancers);
  return { nodes: [...nodes.values()], edges };
}

function figuresOf(node: MapNode, edges: MapEdge[], balancers: Map<string, BalancerFigures>): void {
  const incoming = edges.filter((e) => e.target === node.id);
  if (node.type === 'load-balancer') {
    const own = balancers.get(node.name);
    const outgoing = edges.filter((e) => e.source === node.id);
    node.volume = own?.requests ?? outgoing.reduce((sum, e) => sum + e.calls, 0);
    node.failRate = own ? own.albErrors / Math.max(1, own.requests) : 0;
    node.p95Ms = own?.p95Ms ?? null;
  } else if (node.type === 'service') {
    node.volume = node.spans;
    node.failRate = (node.errors + node.faults + node.throttles) / Math.max(1, node.spans);
    node.p95Ms = incoming.length === 1 ? (incoming[0]!.p95Ms ?? null) : null;
  } else {
    node.volume = incoming.reduce((sum, e) => sum + e.calls, 0);
    node.failRate = incoming.reduce((sum, e) => sum + e.errors + e.faults + e.throttles, 0) / Math.max(1, node.volume);
    node.p95Ms = incoming.length > 0 ? Math.max(...incoming.map((e) => e.p95Ms ?? 0)) : null;
  }
  node.health = healthOf(node.failRate, node.volume);
}
