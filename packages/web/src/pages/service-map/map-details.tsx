// The side panel for the selected node or edge: its figures and the links to
// the traces, spans or requests behind it.
import { Link } from '../../app/index.ts';
import { formatMs, formatPercent } from '../trace/format-duration.ts';
import { formatRate } from './edge-label.ts';
import { edgeLinks, nodeLinks, type MapLink } from './map-links.ts';
import type { MapEdge, MapNode } from './map-model.ts';

type Range = { from: string; to: string };

function Figures({ entries }: { entries: [string, string][] }) {
  return (
    <dl className="kv">
      {entries.map(([key, value]) => (
        <div key={key} className="kv-pair">
          <dt>{key}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Links({ links }: { links: MapLink[] }) {
  return (
    <ul className="map-links">
      {links.map((link) => (
        <li key={link.label}>
          <Link to={link.href}>{link.label}</Link>
        </li>
      ))}
    </ul>
  );
}

function NodeDetails({ node, range, minutes }: { node: MapNode; range: Range; minutes: number }) {
  const lb = node.type === 'load-balancer';
  return (
    <>
      <h2>{node.label}</h2>
      {node.label !== node.name ? <p className="mono">{node.name}</p> : null}
      <p className="muted">{lb ? 'load balancer (figures from its access log)' : node.type === 'service' ? 'service (figures from its spans)' : `called without spans of its own${node.members.length > 1 ? `: ${node.members.length} databases on this server` : ''}`}</p>
      <Figures
        entries={[
          [lb ? 'requests' : node.type === 'service' ? 'spans' : 'calls', `${node.volume.toLocaleString('en')} (${formatRate(node.volume / Math.max(minutes, 1 / 60))})`],
          [lb ? '5xx it produced' : 'failed', formatPercent(node.failRate)],
          ...(node.type === 'service' ? ([['faults · errors · throttles', `${node.faults} · ${node.errors} · ${node.throttles}`]] as [string, string][]) : []),
          ['p95', node.p95Ms === null ? '—' : formatMs(node.p95Ms)],
        ]}
      />
      <Links links={nodeLinks(node, range)} />
    </>
  );
}

function EdgeDetails({ edge, nodes, range, minutes }: { edge: MapEdge; nodes: Map<string, MapNode>; range: Range; minutes: number }) {
  const source = nodes.get(edge.source);
  const target = nodes.get(edge.target);
  return (
    <>
      <h2>
        {source?.label ?? edge.source} → {target?.label ?? edge.target}
      </h2>
      <Figures
        entries={[
          ['calls', `${edge.calls.toLocaleString('en')} (${formatRate(edge.calls / Math.max(minutes, 1 / 60))})`],
          ['failed', formatPercent(edge.failRate)],
          ['faults · errors · throttles', `${edge.faults} · ${edge.errors} · ${edge.throttles}`],
          ['p50 · p95 · p99', edge.p95Bound ? `p95 at most ${formatMs(edge.p95Ms)}` : `${formatMs(edge.p50Ms)} · ${formatMs(edge.p95Ms)} · ${formatMs(edge.p99Ms)}`],
        ]}
      />
      <Links links={edgeLinks(edge, source, target, range)} />
    </>
  );
}

/** The panel, or a hint when nothing is selected. */
export function MapDetails(props: { selected: string; nodes: MapNode[]; edges: MapEdge[]; range: Range; minutes: number; onClose: () => void }) {
  const nodes = new Map(props.nodes.map((n) => [n.id, n]));
  const node = nodes.get(props.selected);
  const edge = props.selected.startsWith('edge:') ? props.edges.find((e) => `edge:${e.id}` === props.selected) : undefined;
  if (!node && !edge) return <aside className="panel map-details muted">Select a node or an edge (click, or Tab and Enter) to see its figures and open the traces behind it.</aside>;
  return (
    <aside className="panel map-details stack" aria-label="Selection">
      {node ? <NodeDetails node={node} range={props.range} minutes={props.minutes} /> : null}
      {edge ? <EdgeDetails edge={edge} nodes={nodes} range={props.range} minutes={props.minutes} /> : null}
      <button type="button" onClick={props.onClose}>
        Clear selection
      </button>
    </aside>
  );
}
