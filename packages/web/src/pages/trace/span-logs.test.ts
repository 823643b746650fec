import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { StoryLog } from '../../api/index.ts';
import { logsBySpan } from './span-logs.ts';

const log = (span_id: string | null, timestamp: string, level: string, message: string): StoryLog => ({ span_id, timestamp, level, message, exception: null, properties: null, atMs: 0, attempt: 1 });

describe('logsBySpan', () => {
  it('groups lines by span, oldest first, in microseconds', () => {
    const grouped = logsBySpan([log('a', '2026-11-26T05:00:00.000200Z', 'error', 'late'), log('a', '2026-11-26T05:00:00.000100Z', 'info', 'early'), log(null, '2026-11-26T05:00:00Z', 'info', 'no span')]);
    assert.deepEqual([...grouped.keys()], ['a']);
    assert.deepEqual(grouped.get('a')!.map((l) => [l.message, l.atUs % 1_000_000]), [['early', 100], ['late', 200]]);
  });
});
