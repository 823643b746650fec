// Every edge of the map as a table: the same figures, sortable by eye, and a
// way to reach each edge without the mouse.
import { formatMs, formatPercent } from '../trace/format-duration.ts';
import { formatRate } from './edge-label.ts';
import type { MapEdge, MapNode } from './map-model.ts';

/** Calls, busiest first; a row's button selects its edge on the map. */
export function CallsTable({ edges, nodes, minutes, onSelect }: { edges: MapEdge[]; nodes: MapNode[]; minutes: number; onSelect: (id: string) => void }) {
  const names = new Map(nodes.map((n) => [n.id, n.label]));
  const sorted = [...edges].sort((a, b) => b.calls - a.calls);
  return (
    <table className="calls-table">
      <caption className="muted">Calls in the range, busiest first</caption>
      <thead>
        <tr>
          <th scope="col">From → to</th>
          <th scope="col">Rate</th>
          <th scope="col">Failed</th>
          <th scope="col">p95</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((edge) => (
          <tr key={edge.id}>
            <td>
              <button type="button" className="link-button" onClick={() => onSelect(`edge:${edge.id}`)}>
                {names.get(edge.source) ?? edge.source} → {names.get(edge.target) ?? edge.target}
              </button>
            </td>
            <td>{formatRate(edge.calls / Math.max(minutes, 1 / 60))}</td>
            <td className={edge.failRate > 0.05 ? 'error-text' : ''}>{formatPercent(edge.failRate)}</td>
            <td>
              {edge.p95Bound ? '≤ ' : ''}
              {formatMs(edge.p95Ms)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
