import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifySpanStatus } from './classify-span-status.ts';

describe('classifySpanStatus', () => {
  it('calls 429 throttle, other 4xx error and 5xx fault, whatever the span status', () => {
    assert.equal(classifySpanStatus(0, 429), 'throttle');
    assert.equal(classifySpanStatus(2, 429), 'throttle');
    assert.equal(classifySpanStatus(0, 404), 'error');
    assert.equal(classifySpanStatus(2, 400), 'error');
    assert.equal(classifySpanStatus(0, 500), 'fault');
    assert.equal(classifySpanStatus(1, 503), 'fault');
  });

  it('calls a span with status ERROR and no 4xx/5xx a fault', () => {
    assert.equal(classifySpanStatus(2, null), 'fault');
    assert.equal(classifySpanStatus(2, 200), 'fault');
  });

  it('calls everything else ok', () => {
    assert.equal(classifySpanStatus(0, null), 'ok');
    assert.equal(classifySpanStatus(1, 302), 'ok');
    assert.equal(classifySpanStatus(0, 0), 'ok');
  });
});
