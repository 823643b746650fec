import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { layoutMap } from './map-layout.ts';

describe('layoutMap', () => {
  it('puts callers left of what they call and gives every edge a route and a label box', async () => {
    const layout = await layoutMap(['lb', 'web', 'db'], [
      { id: 'lb→web', source: 'lb', target: 'web', label: ['10/min', 'p95 80 ms'] },
      { id: 'web→db', source: 'web', target: 'db', label: ['40/min'] },
    ]);
    const x = (id: string) => layout.nodes.get(id)!.x;
    assert.ok(x('lb') < x('web') && x('web') < x('db'));
    for (const id of ['lb→web', 'web→db']) {
      const edge = layout.edges.get(id)!;
      assert.ok(edge.points.length >= 2);
      assert.ok(edge.label !== null && edge.label.width > 0);
    }
    assert.ok(layout.width > 0 && layout.height > 0);
  });
});
