// Lays the map out with ELK's layered algorithm: callers on the left,
// callees on the right, edge labels given room of their own. ELK is large,
// so it is loaded only when the map is first drawn.
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';

export const NODE_WIDTH = 236;
export const NODE_HEIGHT = 66;

/** A positioned box. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The laid-out map: node boxes, edge polylines and label boxes, by id. */
export interface MapLayout {
  width: number;
  height: number;
  nodes: Map<string, Box>;
  edges: Map<string, { points: { x: number; y: number }[]; label: Box | null }>;
}

/** What the layout needs of an edge: its ends and its label lines. */
export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
  label: string[];
}

const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.spacing.nodeNodeBetweenLayers': '70',
  'elk.spacing.nodeNode': '22',
  'elk.spacing.edgeLabel': '4',
  'elk.spacing.edgeEdge': '12',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.padding': '[top=16,left=16,bottom=16,right=16]',
};

/** Label box size for lines of small text. */
function labelSize(lines: string[]): { width: number; height: number } {
  return { width: Math.max(...lines.map((l) => l.length), 1) * 6.4 + 8, height: lines.length * 14 + 4 };
}

/**
 * Runs ELK over the nodes and edges.
 *
 * @example const layout = await layoutMap(['a', 'b'], [{ id: 'a→b', source: 'a', target: 'b', label: ['1/min'] }]);
 */
export async function layoutMap(nodeIds: string[], edges: LayoutEdge[]): Promise<MapLayout> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: nodeIds.map((id) => ({ id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: edges.map((e): ElkExtendedEdge => ({ id: e.id, sources: [e.source], targets: [e.target], labels: [{ id: `${e.id}:label`, text: e.label.join('\n'), ...labelSize(e.label), layoutOptions: { 'elk.edgeLabels.placement': 'CENTER' } }] })),
  };
  const laid = await elk.layout(graph);
  const layout: MapLayout = { width: laid.width ?? 0, height: laid.height ?? 0, nodes: new Map(), edges: new Map() };
  for (const child of laid.children ?? []) layout.nodes.set(child.id, { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? NODE_WIDTH, height: child.height ?? NODE_HEIGHT });
  for (const edge of (laid.edges ?? []) as ElkExtendedEdge[]) {
    const points = (edge.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
    const label = edge.labels?.[0];
    layout.edges.set(edge.id, { points, label: label ? { x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? 0 } : null });
  }
  return layout;
}
