import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { keepLatestVersions } from './select-trace-spans.ts';

describe('keepLatestVersions', () => {
  it('keeps the complete version of a span over its in-progress one, whatever the order', () => {
    const open = { span_id: 'a', in_progress: true, end_time: null };
    const done = { span_id: 'a', in_progress: false, end_time: '2026-11-24T15:00:01.000000Z' };
    const other = { span_id: 'b', in_progress: false, end_time: '2026-11-24T15:00:00.500000Z' };
    assert.deepEqual(keepLatestVersions([open, other, done]), [other, done]);
    assert.deepEqual(keepLatestVersions([done, other, open]), [done, other]);
  });

  it('keeps the later-ending of two versions of one kind, and a 0/1 flag reads as a boolean', () => {
    const early = { span_id: 'a', in_progress: 0, end_time: 10 };
    const late = { span_id: 'a', in_progress: 0, end_time: 20 };
    assert.deepEqual(keepLatestVersions([late, early]), [late]);
    assert.deepEqual(keepLatestVersions([{ span_id: 'a', in_progress: 1, end_time: null }, early]), [early]);
  });

  it('returns the rows as given when every span has one version', () => {
    const rows = [{ span_id: 'a', in_progress: false, end_time: 1 }, { span_id: 'b', in_progress: false, end_time: 2 }];
    assert.equal(keepLatestVersions(rows), rows);
  });
});
