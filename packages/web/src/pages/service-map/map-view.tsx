// The map drawn in SVG: nodes coloured by health, edges with their figures.
// Nodes and edges are buttons (Tab, then Enter or Space) that select them.
import type { KeyboardEvent } from 'react';
import { formatMs, formatPercent } from '../trace/format-duration.ts';
import { edgeLabel } from './edge-label.ts';
import type { MapLayout } from './map-layout.ts';
import type { MapEdge, MapNode } from './map-model.ts';

export interface MapViewProps {
  nodes: MapNode[];
  edges: MapEdge[];
  layout: MapLayout;
  minutes: number;
  selected: string;
  onSelect: (id: string) => void;
}

const TYPE_LABEL: Record<MapNode['type'], string> = { service: 'service', remote: 'remote', 'load-balancer': 'load balancer' };

function activate(id: string, onSelect: (id: string) => void) {
  return (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onSelect(id);
  };
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function nodeFigures(node: MapNode): string {
  const unit = node.type === 'load-balancer' ? 'requests' : node.type === 'service' ? 'spans' : 'calls';
  const fail = node.type === 'load-balancer' ? 'own 5xx' : 'failed';
  return `${node.volume.toLocaleString('en')} ${unit} · ${formatPercent(node.failRate)} ${fail}`;
}

function NodeShape({ node, box, selected, onSelect }: { node: MapNode; box: { x: number; y: number; width: number; height: number }; selected: boolean; onSelect: (id: string) => void }) {
  const figures = nodeFigures(node);
  const kind = `${TYPE_LABEL[node.type]}${node.members.length > 1 ? ` · ${node.members.length} databases` : ''}${node.p95Ms !== null ? ` · p95 ${formatMs(node.p95Ms)}` : ''}`;
  return (
    <g
      transform={`translate(${box.x},${box.y})`}
      className={`map-node type-${node.type} health-${node.health}${selected ? ' selected' : ''}`}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      aria-label={`${TYPE_LABEL[node.type]} ${node.name}: ${figures}, ${kind}`}
      data-node-id={node.id}
      onClick={() => onSelect(node.id)}
      onKeyDown={activate(node.id, onSelect)}
    >
      <title>{`${node.name}\n${kind}\n${figures}`}</title>
      <rect width={box.width} height={box.height} rx={node.type === 'load-balancer' ? 20 : 8} />
      <circle cx={16} cy={18} r={6} className="map-health-dot" />
      <text x={30} y={23} className="map-node-name">
        {clip(node.label, 27)}
      </text>
      <text x={12} y={41} className="map-node-type">
        {clip(kind, 38)}
      </text>
      <text x={12} y={57} className="map-node-figures">
        {clip(figures, 36)}
      </text>
    </g>
  );
}

function EdgeShape({ edge, layout, minutes, selected, onSelect, names }: { edge: MapEdge; layout: MapLayout; minutes: number; selected: boolean; onSelect: (id: string) => void; names: Map<string, string> }) {
  const route = layout.edges.get(edge.id);
  if (!route || route.points.length < 2) return null;
  const d = route.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
  const lines = edgeLabel(edge, minutes);
  const health = edge.failRate > 0.05 ? 'error' : edge.failRate > 0.01 ? 'warn' : 'ok';
  const label = route.label;
  return (
    <g className={`map-edge health-${health}${selected ? ' selected' : ''}`} role="button" tabIndex={0} aria-pressed={selected} aria-label={`Calls from ${names.get(edge.source)} to ${names.get(edge.target)}: ${lines.join(', ')}`} data-edge-id={edge.id} onClick={() => onSelect(`edge:${edge.id}`)} onKeyDown={activate(`edge:${edge.id}`, onSelect)}>
      <path d={d} className="map-edge-hit" />
      <path d={d} className="map-edge-line" style={{ strokeWidth: 1.25 + Math.log10(Math.max(1, edge.calls)) * 0.6 }} markerEnd="url(#map-arrow)" />
      {label ? (
        <g transform={`translate(${label.x},${label.y})`} className="map-edge-label">
          <rect width={label.width} height={label.height} rx={4} />
          {lines.map((line, i) => (
            <text key={i} x={4} y={13 + i * 14}>
              {line}
            </text>
          ))}
        </g>
      ) : null}
    </g>
  );
}

/** The SVG map. */
export function MapView(props: MapViewProps) {
  const { layout } = props;
  const names = new Map(props.nodes.map((n) => [n.id, n.label]));
  return (
    <svg className="map-svg" viewBox={`0 0 ${layout.width} ${layout.height}`} width={layout.width} height={layout.height} role="group" aria-label="Service map: the load balancer, services and what they call">
      <defs>
        <marker id="map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="map-arrow" />
        </marker>
      </defs>
      {props.edges.map((edge) => (
        <EdgeShape key={edge.id} edge={edge} layout={layout} minutes={props.minutes} selected={props.selected === `edge:${edge.id}`} onSelect={props.onSelect} names={names} />
      ))}
      {props.nodes.map((node) => {
        const box = layout.nodes.get(node.id);
        return box ? <NodeShape key={node.id} node={node} box={box} selected={props.selected === node.id} onSelect={props.onSelect} /> : null;
      })}
    </svg>
  );
}
