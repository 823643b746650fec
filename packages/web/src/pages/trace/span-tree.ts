// Parent/child structure of a trace and the rows the waterfall shows once
// some subtrees are collapsed.

/** The fields the tree needs; WaterfallSpan has them. */
export interface TreeSpan {
  id: string;
  parentId: string | null;
  startUs: number;
  endUs: number;
}

/** A span with its children, oldest first. */
export interface SpanNode<S extends TreeSpan> {
  span: S;
  children: SpanNode<S>[];
  depth: number;
  /** Spans in this subtree, itself excluded. */
  descendants: number;
}

/** One visible row of the waterfall. */
export interface WaterfallRow<S extends TreeSpan> {
  node: SpanNode<S>;
  /** Index of the parent row in the visible list, or -1 at a root. */
  parentRow: number;
}

/**
 * Builds the span tree. A span whose parent is not among the spans (not
 * stored, or still on its way) becomes a root, as does any span caught in a
 * parent cycle, so every span is shown exactly once.
 */
export function buildSpanTree<S extends TreeSpan>(spans: S[]): SpanNode<S>[] {
  const nodes = new Map<string, SpanNode<S>>();
  for (const span of spans) if (!nodes.has(span.id)) nodes.set(span.id, { span, children: [], depth: 0, descendants: 0 });
  const roots: SpanNode<S>[] = [];
  for (const node of nodes.values()) {
    const parent = node.span.parentId === null ? undefined : nodes.get(node.span.parentId);
    if (parent && parent !== node && !isAncestor(node, parent, nodes)) parent.children.push(node);
    else roots.push(node);
  }
  const byStart = (a: SpanNode<S>, b: SpanNode<S>) => a.span.startUs - b.span.startUs || a.span.endUs - b.span.endUs;
  roots.sort(byStart);
  const visit = (node: SpanNode<S>, depth: number): number => {
    node.depth = depth;
    node.children.sort(byStart);
    node.descendants = node.children.reduce((sum, child) => sum + 1 + visit(child, depth + 1), 0);
    return node.descendants;
  };
  for (const root of roots) visit(root, 0);
  return roots;
}

/** True when `candidate` sits above `parent` in the parent chain (a cycle would form). */
function isAncestor<S extends TreeSpan>(candidate: SpanNode<S>, parent: SpanNode<S>, nodes: Map<string, SpanNode<S>>): boolean {
  const seen = new Set<string>();
  let current: SpanNode<S> | undefined = parent;
  while (current && current.span.parentId !== null && !seen.has(current.span.id)) {
    seen.add(current.span.id);
    if (current.span.parentId === candidate.span.id) return true;
    current = nodes.get(current.span.parentId);
  }
  return false;
}

/** The rows to draw, depth first, skipping the children of collapsed spans. */
export function visibleRows<S extends TreeSpan>(roots: SpanNode<S>[], collapsed: ReadonlySet<string>): WaterfallRow<S>[] {
  const rows: WaterfallRow<S>[] = [];
  const walk = (node: SpanNode<S>, parentRow: number) => {
    const index = rows.length;
    rows.push({ node, parentRow });
    if (collapsed.has(node.span.id)) return;
    for (const child of node.children) walk(child, index);
  };
  for (const root of roots) walk(root, -1);
  return rows;
}

/** Every span id in the tree that has children, from `minDepth` down: what "collapse all" folds. */
export function parentIds<S extends TreeSpan>(roots: SpanNode<S>[], minDepth = 0): string[] {
  const ids: string[] = [];
  const walk = (node: SpanNode<S>) => {
    if (node.children.length > 0 && node.depth >= minDepth) ids.push(node.span.id);
    node.children.forEach(walk);
  };
  roots.forEach(walk);
  return ids;
}
