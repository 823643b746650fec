import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatMs, formatPercent } from './format-duration.ts';

describe('formatMs', () => {
  it('picks a unit from the size', () => {
    assert.equal(formatMs(0.042), '42 µs');
    assert.equal(formatMs(4.023), '4.02 ms');
    assert.equal(formatMs(320.65), '321 ms');
    assert.equal(formatMs(1530), '1.53 s');
    assert.equal(formatMs(75008), '1 min 15 s');
    assert.equal(formatMs(0), '0 ms');
  });

  it('shows a dash when there is no number', () => {
    assert.equal(formatMs(null), '—');
    assert.equal(formatMs(Number.NaN), '—');
  });
});

describe('formatPercent', () => {
  it('keeps one decimal under ten per cent', () => {
    assert.equal(formatPercent(0.0253), '2.5%');
    assert.equal(formatPercent(0.5), '50%');
    assert.equal(formatPercent(0), '0%');
  });
});
