// Where a click on the map leads: the traces, spans or requests behind a
// node or an edge, over the map's time range.
import { hrefOf, searchPath } from '../../app/index.ts';
import type { MapEdge, MapNode } from './map-model.ts';

/** A labelled address. */
export interface MapLink {
  label: string;
  href: string;
}

type Range = { from: string; to: string };

const quote = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/** TQL over spans selecting the calls into a remote node (one database, a folded server, or a host called over HTTP). */
export function remoteFilter(node: MapNode): string {
  if (node.id.startsWith('remote-host:')) {
    const first = node.members[0]?.replace(/^remote:/, '') ?? '';
    const prefix = /^([a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?[^:/?#]+)/i.exec(first)?.[1];
    return prefix ? `kind:client db_server:${prefix.replace(/([\s"()\\])/g, '\\$1')}*` : `kind:client name:${quote(node.name)}`;
  }
  return /:\/\//.test(node.name) ? `kind:client db_server:${quote(node.name)}` : `kind:client name:${quote(node.name)}`;
}

/** Links for a node. */
export function nodeLinks(node: MapNode, range: Range): MapLink[] {
  if (node.type === 'load-balancer') {
    const lb = `lb_name:${quote(node.name)}`;
    return [
      { label: 'Requests through it', href: searchPath({ signal: 'requests', q: lb, ...range }) },
      { label: '5xx it produced itself', href: searchPath({ signal: 'requests', q: `${lb} elb_status_code:5xx NOT target_status_code:5xx`, ...range }) },
      { label: 'Dashboards for it', href: hrefOf('/dashboards', { q: lb, ...range }) },
    ];
  }
  if (node.type === 'service') {
    return [
      { label: 'Traces through it', href: hrefOf('/traces', { service: node.name, ...range }) },
      { label: 'Traces with a fault', href: hrefOf('/traces', { service: node.name, status: 'fault', ...range }) },
      { label: 'Its spans in Search', href: searchPath({ signal: 'spans', q: `service:${quote(node.name)}`, ...range }) },
      { label: 'Its logs', href: searchPath({ signal: 'logs', q: `service:${quote(node.name)}`, ...range }) },
    ];
  }
  const calls = remoteFilter(node);
  return [
    { label: 'Calls to it', href: searchPath({ signal: 'spans', q: calls, ...range }) },
    { label: 'Failed calls', href: searchPath({ signal: 'spans', q: `${calls} NOT status:ok`, ...range }) },
    ...(node.p95Ms ? [{ label: 'Calls slower than p95', href: searchPath({ signal: 'spans', q: `${calls} duration:>=${Math.floor(node.p95Ms)}`, ...range }) }] : []),
  ];
}

/** Links for an edge, given the nodes it joins. */
export function edgeLinks(edge: MapEdge, source: MapNode | undefined, target: MapNode | undefined, range: Range): MapLink[] {
  if (!source || !target) return [];
  if (source.type === 'load-balancer') {
    return [
      { label: `Requests from ${source.name}`, href: searchPath({ signal: 'requests', q: `lb_name:${quote(source.name)}`, ...range }) },
      { label: `Traces of ${target.name}`, href: hrefOf('/traces', { service: target.name, ...range }) },
      { label: 'Traces with a fault', href: hrefOf('/traces', { service: target.name, status: 'fault', ...range }) },
    ];
  }
  if (target.type === 'remote') {
    const calls = `service:${quote(source.name)} ${remoteFilter(target)}`;
    return [
      { label: 'These calls in Search', href: searchPath({ signal: 'spans', q: calls, ...range }) },
      { label: 'Failed calls', href: searchPath({ signal: 'spans', q: `${calls} NOT status:ok`, ...range }) },
      ...(edge.p95Ms ? [{ label: 'Calls slower than p95', href: searchPath({ signal: 'spans', q: `${calls} duration:>=${Math.floor(edge.p95Ms)}`, ...range }) }] : []),
    ];
  }
  return [
    { label: `Traces of ${target.name}`, href: hrefOf('/traces', { service: target.name, ...range }) },
    { label: `Server spans of ${target.name}`, href: searchPath({ signal: 'spans', q: `service:${quote(target.name)} kind:server`, ...range }) },
  ];
}
