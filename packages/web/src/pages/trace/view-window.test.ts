import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { barStyle, pointStyle, zoomText, zoomWindow } from './view-window.ts';

const view = { originUs: 0, startUs: 100, endUs: 200 };

describe('barStyle', () => {
  it('places a bar inside the window in percentages', () => {
    assert.deepEqual(barStyle(125, 150, view), { left: '25%', width: '25%' });
  });

  it('cuts a bar that crosses the window edges and drops one outside it', () => {
    assert.deepEqual(barStyle(50, 150, view), { left: '0%', width: '50%' });
    assert.deepEqual(barStyle(150, 500, view), { left: '50%', width: '50%' });
    assert.equal(barStyle(201, 300, view), null);
  });

  it('keeps a minimum width for an instant', () => {
    assert.deepEqual(barStyle(150, 150, view, 0.01), { left: '50%', width: '1%' });
  });
});

describe('pointStyle', () => {
  it('places a point or drops it outside the window', () => {
    assert.deepEqual(pointStyle(110, view), { left: '10%' });
    assert.equal(pointStyle(90, view), null);
  });
});

describe('zoomWindow and zoomText', () => {
  it('reads offsets in milliseconds and clamps to the trace', () => {
    assert.deepEqual(zoomWindow('100-250', 1000, 200_000), { originUs: 1000, startUs: 101_000, endUs: 201_000 });
    assert.deepEqual(zoomWindow('bad', 1000, 5), { originUs: 1000, startUs: 1000, endUs: 1005 });
    assert.equal(zoomText(-3, 12.34567), '0-12.346');
  });
});
