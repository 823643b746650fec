import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { groupKey, NONE, OTHER, pivot, ratio, TOTAL } from './pivot-series.ts';

const buckets = [1795683600, 1795683660, 1795683720];
const at = (i: number) => new Date(buckets[i]! * 1000).toISOString().replace('Z', '000Z');

describe('pivot', () => {
  const rows = [
    { time: at(0), az: 'a', count: 5 },
    { time: at(0), az: 'b', count: 2 },
    { time: at(1), az: 'a', count: 4 },
    { time: at(2), az: 'c', count: 1 },
    { time: at(2), az: null, count: 3 },
  ];
  const count = (r: Record<string, unknown>) => Number(r.count);

  it('keeps the busiest groups, fills empty buckets and sums the rest as other', () => {
    const series = pivot(rows, { buckets, keyOf: (r) => groupKey(r.az), valueOf: count, limit: 2, merge: 'sum', empty: 0 });
    assert.deepEqual(series, [
      { key: 'a', values: [5, 4, 0] },
      { key: NONE, values: [0, 0, 3] },
      { key: OTHER, values: [2, 0, 1] },
    ]);
  });

  it('leaves gaps and drops the rest for values that cannot be summed', () => {
    const series = pivot(rows, { buckets, keyOf: (r) => groupKey(r.az), valueOf: count, limit: 1, merge: 'drop', empty: null });
    assert.deepEqual(series, [{ key: 'a', values: [5, 4, null] }]);
  });

  it('ranks by given totals so several charts show the same groups', () => {
    const series = pivot(rows, { buckets, keyOf: (r) => groupKey(r.az), valueOf: count, limit: 1, merge: 'drop', empty: null, rank: new Map([['c', 100]]) });
    assert.deepEqual(series, [{ key: 'c', values: [null, null, 1] }]);
  });

  it('ignores rows outside the buckets', () => {
    const series = pivot([{ time: '2020-01-01T00:00:00Z', count: 9 }], { buckets, keyOf: () => TOTAL, valueOf: count, limit: 1, merge: 'sum', empty: 0 });
    assert.deepEqual(series, [{ key: TOTAL, values: [0, 0, 0] }]);
  });
});

describe('ratio', () => {
  it('divides matching series bucket by bucket, null where nothing was counted', () => {
    const errors = [{ key: 'a', values: [1, 0, 0] }];
    const totals = [{ key: 'a', values: [4, 2, 0] }, { key: 'b', values: [5, 0, 0] }];
    assert.deepEqual(ratio(errors, totals), [
      { key: 'a', values: [0.25, 0, null] },
      { key: 'b', values: [0, null, null] },
    ]);
  });
});
