// The words on an edge: call rate, failure share and p95.
import { formatMs, formatPercent } from '../trace/format-duration.ts';
import type { MapEdge } from './map-model.ts';

/** A rate per minute with about three digits. */
export function formatRate(perMinute: number): string {
  if (perMinute >= 100) return `${Math.round(perMinute)}/min`;
  if (perMinute >= 1) return `${Number(perMinute.toPrecision(3))}/min`;
  return `${Number(perMinute.toPrecision(2))}/min`;
}

/**
 * Two lines: `12.3/min · 0.5% err` and `p95 16 ms` (`p95 ≤ 40 ms` for folded edges).
 *
 * @example edgeLabel(edge, 60) // ['6.67/min · 0% err', 'p95 16 ms']
 */
export function edgeLabel(edge: MapEdge, minutes: number): string[] {
  const p95 = edge.p95Ms === null ? 'p95 —' : `p95 ${edge.p95Bound ? '≤ ' : ''}${formatMs(edge.p95Ms)}`;
  return [`${formatRate(edge.calls / Math.max(minutes, 1 / 60))} · ${formatPercent(edge.failRate)} err`, p95];
}
