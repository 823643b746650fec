import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sampleSpan } from '@tinsel/store';
import { InProgressSpans } from './in-progress-spans.ts';

describe('InProgressSpans', () => {
  it('names the complete spans that replace a remembered in-progress one', () => {
    const tracker = new InProgressSpans();
    assert.deepEqual(tracker.note([sampleSpan({ span_id: '1111111111111111', in_progress: true, end_time: null })]), []);
    const complete = sampleSpan({ span_id: '1111111111111111' });
    assert.deepEqual(tracker.note([complete, sampleSpan({ span_id: '2222222222222222' })]), [complete]);
    assert.deepEqual(tracker.note([complete]), [], 'each in-progress row is replaced once');
  });

  it('forgets the oldest keys past its capacity', () => {
    const tracker = new InProgressSpans(2);
    tracker.note(['a', 'b', 'c'].map((id) => sampleSpan({ span_id: id.repeat(16), in_progress: true })));
    assert.equal(tracker.note([sampleSpan({ span_id: 'a'.repeat(16) })]).length, 0);
    assert.equal(tracker.note([sampleSpan({ span_id: 'c'.repeat(16) })]).length, 1);
  });
});
