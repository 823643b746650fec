import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bucketSeconds, bucketStarts, resolveTime, spanText } from './time-range.ts';

const now = Date.parse('2026-11-26T05:00:00Z');

describe('resolveTime', () => {
  it('reads now, relative offsets and ISO instants', () => {
    assert.equal(resolveTime('now', now), now);
    assert.equal(resolveTime('-1h', now), Date.parse('2026-11-26T04:00:00Z'));
    assert.equal(resolveTime('-15m', now), Date.parse('2026-11-26T04:45:00Z'));
    assert.equal(resolveTime('2026-11-24T18:00:00Z', now), Date.parse('2026-11-24T18:00:00Z'));
  });

  it('gives null for text that is no time', () => {
    assert.equal(resolveTime('yesterday', now), null);
  });
});

describe('bucketSeconds', () => {
  it('picks the smallest round bucket within the limit', () => {
    assert.equal(bucketSeconds(15 * 60_000), 10);
    assert.equal(bucketSeconds(3_600_000), 60);
    assert.equal(bucketSeconds(6 * 3_600_000), 300);
    assert.equal(bucketSeconds(7 * 86_400_000), 10_800);
  });
});

describe('spanText and bucketStarts', () => {
  it('writes spans as TQL does', () => {
    assert.deepEqual([spanText(30), spanText(60), spanText(300), spanText(3600), spanText(86_400)], ['30s', '1m', '5m', '1h', '1d']);
  });

  it('aligns buckets to their size and covers the whole range', () => {
    const starts = bucketStarts(Date.parse('2026-11-26T04:00:30Z'), Date.parse('2026-11-26T04:03:00Z'), 60);
    assert.deepEqual(starts.map((s) => new Date(s * 1000).toISOString()), ['2026-11-26T04:00:00.000Z', '2026-11-26T04:01:00.000Z', '2026-11-26T04:02:00.000Z']);
  });
});
