import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rulerTicks } from './ruler-ticks.ts';

describe('rulerTicks', () => {
  it('steps by a round amount from zero to the end', () => {
    assert.deepEqual(rulerTicks(0, 320, 5), [0, 100, 200, 300]);
    assert.deepEqual(rulerTicks(0, 75008, 6), [0, 20000, 40000, 60000]);
    assert.deepEqual(rulerTicks(0, 1, 4), [0, 0.25, 0.5, 0.75, 1]);
  });

  it('starts at the first round tick inside a zoomed window', () => {
    assert.deepEqual(rulerTicks(12, 58, 6), [20, 30, 40, 50]);
  });

  it('gives the start alone for an empty window', () => {
    assert.deepEqual(rulerTicks(0, 0, 5), [0]);
  });
});
