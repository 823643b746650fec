import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildSpanTree, parentIds, visibleRows, type TreeSpan } from './span-tree.ts';

const span = (id: string, parentId: string | null, startUs: number, endUs: number): TreeSpan => ({ id, parentId, startUs, endUs });

describe('buildSpanTree', () => {
  it('nests children under their parents, oldest first, with depths and subtree sizes', () => {
    const roots = buildSpanTree([span('c2', 'root', 50, 60), span('root', null, 0, 100), span('c1', 'root', 10, 40), span('g', 'c1', 12, 20)]);
    assert.equal(roots.length, 1);
    const root = roots[0]!;
    assert.deepEqual(root.children.map((c) => c.span.id), ['c1', 'c2']);
    assert.equal(root.descendants, 3);
    assert.equal(root.children[0]!.children[0]!.depth, 2);
  });

  it('makes a span whose parent is missing a root, and breaks parent cycles', () => {
    const roots = buildSpanTree([span('a', 'missing', 5, 9), span('x', 'y', 0, 1), span('y', 'x', 0, 1), span('r', null, 0, 10)]);
    const ids = visibleRows(roots, new Set()).map((row) => row.node.span.id);
    assert.deepEqual([...ids].sort(), ['a', 'r', 'x', 'y']);
    assert.ok(roots.some((r) => r.span.id === 'a'));
  });

  it('shows each duplicate span id once', () => {
    const roots = buildSpanTree([span('r', null, 0, 10), span('r', null, 0, 10)]);
    assert.equal(visibleRows(roots, new Set()).length, 1);
  });
});

describe('visibleRows', () => {
  const roots = buildSpanTree([span('root', null, 0, 100), span('c1', 'root', 10, 40), span('g', 'c1', 12, 20), span('c2', 'root', 50, 60)]);

  it('lists depth first with the index of each parent row', () => {
    const rows = visibleRows(roots, new Set());
    assert.deepEqual(rows.map((r) => [r.node.span.id, r.parentRow]), [['root', -1], ['c1', 0], ['g', 1], ['c2', 0]]);
  });

  it('hides the subtree of a collapsed span but keeps the span itself', () => {
    assert.deepEqual(visibleRows(roots, new Set(['c1'])).map((r) => r.node.span.id), ['root', 'c1', 'c2']);
    assert.deepEqual(visibleRows(roots, new Set(['root'])).map((r) => r.node.span.id), ['root']);
  });

  it('names every span with children for collapse-all', () => {
    assert.deepEqual(parentIds(roots), ['root', 'c1']);
    assert.deepEqual(parentIds(roots, 1), ['c1']);
  });
});
