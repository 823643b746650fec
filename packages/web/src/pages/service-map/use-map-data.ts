// Loads the service map, the load balancers' own figures from their access
// logs, and lays the result out with ELK.
import { useEffect, useMemo, useState } from 'react';
import { fetchServiceMap, runQuery, type Row } from '../../api/index.ts';
import { useApi } from '../../api/use-api.ts';
import { edgeLabel } from './edge-label.ts';
import { layoutMap, type MapLayout } from './map-layout.ts';
import { buildMap, type BalancerFigures, type MapEdge, type MapNode } from './map-model.ts';

const BALANCER_QUERY = '* | stats count(), p95(duration) by lb_name';
const BALANCER_ERRORS = 'elb_status_code:5xx NOT target_status_code:5xx | stats count() by lb_name';

function balancerFigures(all: Row[], errors: Row[]): Map<string, BalancerFigures> {
  const own = new Map(errors.map((r) => [String(r.lb_name), Number(r.count)]));
  return new Map(all.map((r) => [String(r.lb_name), { requests: Number(r.count), albErrors: own.get(String(r.lb_name)) ?? 0, p95Ms: r.p95_duration === null ? null : Number(r.p95_duration) }]));
}

/** The map's state: loading, failed, or nodes and edges with their layout. */
export type MapData = { state: 'loading' } | { state: 'failed'; error: Error } | { state: 'done'; nodes: MapNode[]; edges: MapEdge[]; layout: MapLayout | null };

/** Everything the map page draws for one range; `minutes` sizes the rates on the labels. */
export function useMapData(from: string, to: string, groupRemotes: boolean, minutes: number): MapData {
  const key = `${from}:${to}`;
  const map = useApi(`map:${key}`, (signal) => fetchServiceMap({ from, to }, signal));
  const lbAll = useApi(`map-lb:${key}`, (signal) => runQuery({ query: BALANCER_QUERY, signal: 'requests', from, to, limit: 1000 }, signal));
  const lbErrors = useApi(`map-lb-errors:${key}`, (signal) => runQuery({ query: BALANCER_ERRORS, signal: 'requests', from, to, limit: 1000 }, signal));
  const built = useMemo(() => {
    if (map.state !== 'done') return null;
    const balancers = lbAll.state === 'done' && lbErrors.state === 'done' ? balancerFigures(lbAll.value.rows, lbErrors.value.rows) : new Map<string, BalancerFigures>();
    return buildMap(map.value, { groupRemotes, balancers });
  }, [map, lbAll, lbErrors, groupRemotes]);
  const [layout, setLayout] = useState<{ key: string; layout: MapLayout } | null>(null);
  const shapeKey = built ? JSON.stringify([built.nodes.map((n) => n.id), built.edges.map((e) => [e.id, edgeLabel(e, minutes)])]) : '';
  useEffect(() => {
    if (!built) return;
    let live = true;
    layoutMap(
      built.nodes.map((n) => n.id),
      built.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, label: edgeLabel(e, minutes) })),
    ).then((result) => live && setLayout({ key: shapeKey, layout: result }));
    return () => {
      live = false;
    };
    // `shapeKey` names everything the layout depends on.
  }, [shapeKey]);
  if (map.state === 'loading') return { state: 'loading' };
  if (map.state === 'failed') return { state: 'failed', error: map.error };
  return { state: 'done', nodes: built?.nodes ?? [], edges: built?.edges ?? [], layout: layout?.key === shapeKey ? layout.layout : null };
}
