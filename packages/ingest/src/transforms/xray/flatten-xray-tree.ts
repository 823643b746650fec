import { fail, ok, type Result, type SpanRecord } from '@tinsel/model';
import { checkXrayNode } from './check-xray-node.ts';
import { resolveCauses } from './resolve-causes.ts';
import { isXrayObject, type XrayObject } from './xray-object.ts';
import { xrayNodeToSpan, type XrayBuiltSpan, type XraySpanContext } from './xray-node-to-span.ts';

interface Pending {
  node: XrayObject;
  /** Where the node sits, for failure reasons: `subsegments[0].subsegments[2]`. */
  path: string;
  context: XraySpanContext;
}

/**
 * The spans of a segment or independent subsegment and all the subsegments
 * nested in it, at any depth, in document order (parents first). Each
 * nested subsegment's parent is the node that holds it; the root's parent
 * and service come from `rootContext`. One bad node fails the whole
 * document, named by id when it has a valid one and always by path.
 *
 * Walks with an explicit stack: a 64 KiB document can nest a few thousand
 * levels deep, more than recursion should be trusted with.
 *
 * @example
 * flattenXrayTree(segment, 'segment', context, latestStart) // ok([segmentSpan, subsegmentSpan, …])
 */
export function flattenXrayTree(root: XrayObject, rootLabel: string, rootContext: XraySpanContext, latestStart: number): Result<SpanRecord[]> {
  const built: XrayBuiltSpan[] = [];
  const stack: Pending[] = [{ node: root, path: '', context: rootContext }];
  for (let pending = stack.pop(); pending !== undefined; pending = stack.pop()) {
    const { node, path, context } = pending;
    const core = checkXrayNode(node, latestStart);
    if (!core.ok) return fail(`${label(rootLabel, path, node['id'])}: ${core.reason}`);
    const one = xrayNodeToSpan(node, core.value, context);
    built.push(one);
    const children = node['subsegments'];
    if (children === undefined || children === null) continue;
    if (!Array.isArray(children)) return fail(`${label(rootLabel, path, core.value.id)}: subsegments must be an array`);
    const childContext: XraySpanContext = {
      ...context,
      parentSpanId: core.value.id,
      service: one.span.service,
      host: one.span.host,
      origin: one.span.origin,
      isSegment: false,
    };
    // Pushed last to first so that they pop in document order.
    for (let i = children.length - 1; i >= 0; i--) {
      const child: unknown = children[i];
      const childPath = path === '' ? `subsegments[${i}]` : `${path}.subsegments[${i}]`;
      if (!isXrayObject(child)) return fail(`subsegment at ${childPath}: must be a JSON object`);
      stack.push({ node: child, path: childPath, context: childContext });
    }
  }
  return ok(resolveCauses(built));
}

function label(rootLabel: string, path: string, id: unknown): string {
  if (path === '') return rootLabel;
  return typeof id === 'string' && id.length === 16 ? `subsegment ${id} at ${path}` : `subsegment at ${path}`;
}
