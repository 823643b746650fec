// The critical path of a trace: the chain of work that decided when the root
// finished. Walking back from the root's end, the child that finished last
// before that moment is what the parent was waiting for; its own critical
// path is followed, then the walk goes on from that child's start. Time in
// which no child was running is the parent's own work.
import type { SpanNode, TreeSpan } from './span-tree.ts';

/** A stretch of time on the critical path, attributed to one span. */
export interface CriticalSegment {
  spanId: string;
  startUs: number;
  endUs: number;
}

/**
 * The critical path of every root, as segments oldest first.
 *
 * @example criticalPath(buildSpanTree(spans)).map((s) => s.spanId)
 */
export function criticalPath<S extends TreeSpan>(roots: SpanNode<S>[]): CriticalSegment[] {
  const segments: CriticalSegment[] = [];
  for (const root of roots) walk(root, root.span.endUs, segments);
  return segments.sort((a, b) => a.startUs - b.startUs);
}

function walk<S extends TreeSpan>(node: SpanNode<S>, until: number, out: CriticalSegment[]): void {
  const start = node.span.startUs;
  let cursor = Math.min(node.span.endUs, until);
  // Children that began before the parent are clamped to it: clocks on different hosts drift.
  const pending = node.children.filter((child) => child.span.endUs > start);
  while (cursor > start) {
    let best: SpanNode<S> | null = null;
    let bestEnd = -Infinity;
    for (const child of pending) {
      if (child.span.startUs >= cursor) continue;
      const end = Math.min(child.span.endUs, cursor);
      if (end > bestEnd) {
        best = child;
        bestEnd = end;
      }
    }
    if (best === null) {
      out.push({ spanId: node.span.id, startUs: start, endUs: cursor });
      return;
    }
    if (bestEnd < cursor) out.push({ spanId: node.span.id, startUs: bestEnd, endUs: cursor });
    walk(best, bestEnd, out);
    pending.splice(pending.indexOf(best), 1);
    cursor = Math.max(start, best.span.startUs);
  }
}

/** The ids of the spans with any time on the critical path. */
export function criticalSpanIds(segments: CriticalSegment[]): Set<string> {
  return new Set(segments.filter((s) => s.endUs > s.startUs).map((s) => s.spanId));
}
