import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeRanges } from './text-scope.ts';

describe('mergeRanges', () => {
  it('joins overlapping and touching ranges, in order', () => {
    assert.deepEqual(mergeRanges([[10, 20], [1, 5], [6, 8], [15, 30]], 10), [[1, 8], [10, 30]]);
  });

  it('closes the smallest gaps first when there are more ranges than allowed', () => {
    assert.deepEqual(mergeRanges([[0, 1], [100, 101], [103, 104], [1000, 1001]], 3), [[0, 1], [100, 104], [1000, 1001]]);
    assert.deepEqual(mergeRanges([[0, 1], [100, 101], [103, 104], [1000, 1001]], 1), [[0, 1001]]);
  });
});
