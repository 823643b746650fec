import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { criticalPath, criticalSpanIds } from './critical-path.ts';
import { buildSpanTree, type TreeSpan } from './span-tree.ts';

const span = (id: string, parentId: string | null, startUs: number, endUs: number): TreeSpan => ({ id, parentId, startUs, endUs });
const path = (spans: TreeSpan[]) => criticalPath(buildSpanTree(spans)).map((s) => [s.spanId, s.startUs, s.endUs]);

describe('criticalPath', () => {
  it('walks sequential children and gives the gaps to the parent', () => {
    const segments = path([span('root', null, 0, 100), span('a', 'root', 10, 40), span('b', 'root', 50, 90)]);
    assert.deepEqual(segments, [['root', 0, 10], ['a', 10, 40], ['root', 40, 50], ['b', 50, 90], ['root', 90, 100]]);
  });

  it('follows the child that finished last among parallel ones, skipping what it overlapped', () => {
    const segments = path([span('root', null, 0, 100), span('fast', 'root', 10, 30), span('slow', 'root', 10, 80)]);
    assert.deepEqual(segments, [['root', 0, 10], ['slow', 10, 80], ['root', 80, 100]]);
    assert.deepEqual([...criticalSpanIds(criticalPath(buildSpanTree([span('root', null, 0, 100), span('fast', 'root', 10, 30), span('slow', 'root', 10, 80)])))].sort(), ['root', 'slow']);
  });

  it('descends into grandchildren', () => {
    const segments = path([span('root', null, 0, 100), span('a', 'root', 0, 100), span('g', 'a', 20, 60)]);
    assert.deepEqual(segments, [['a', 0, 20], ['g', 20, 60], ['a', 60, 100]]);
  });

  it('cuts a child that outlives its parent at the parent end', () => {
    const segments = path([span('root', null, 0, 50), span('late', 'root', 10, 90)]);
    assert.deepEqual(segments, [['root', 0, 10], ['late', 10, 50]]);
  });

  it('covers the root exactly: the segments add up to its duration', () => {
    const spans = [span('root', null, 0, 1000), span('a', 'root', 100, 700), span('b', 'a', 150, 650), span('c', 'root', 200, 950), span('d', 'c', 300, 400)];
    const total = criticalPath(buildSpanTree(spans)).reduce((sum, s) => sum + (s.endUs - s.startUs), 0);
    assert.equal(total, 1000);
  });
});
