import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { binomialZ, median, robustBaseline } from './robust-baseline.ts';

describe('robustBaseline', () => {
  it('ignores a few outliers that would drag a mean', () => {
    const baseline = robustBaseline([10, 11, 9, 10, 12, 10, 500, 600]);
    assert.equal(baseline?.median, 10.5);
    assert.ok((baseline?.spread ?? 0) < 3);
  });
  it('answers null for an empty series', () => {
    assert.equal(robustBaseline([]), null);
    assert.ok(Number.isNaN(median([])));
  });
});

describe('binomialZ', () => {
  it('grows with errors beyond the expected rate', () => {
    assert.ok(binomialZ(30, 1000, 0.001) > 10);
    assert.ok(binomialZ(1, 1000, 0.001) < 1);
  });
});
