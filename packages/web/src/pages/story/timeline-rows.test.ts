import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Story } from '../../api/types.ts';
import { buildLanes, storyEndMs, templateNames } from './timeline-rows.ts';

const request = { attempt: 1, self: null, startMs: 0, endMs: 200, phases: [], unaccountedMs: 2, outcome: { kind: 'failed-in-app' as const, reason: '' } };

function story(partial: Partial<Story>): Story {
  return {
    traceId: 'a'.repeat(32),
    xrayId: '',
    origin: '',
    requests: [],
    spans: [],
    logs: [],
    classification: { kind: 'unknown', reason: '', attempt: null, span: null, exception: null },
    unaccountedMs: null,
    enrichment: {},
    ...partial,
  };
}

describe('buildLanes', () => {
  it('interleaves log lines between spans by time, indented under their span', () => {
    const lanes = buildLanes(
      story({
        requests: [request],
        spans: [
          { span_id: 'root', depth: 0, attempt: 1, startMs: 1, endMs: 190 },
          { span_id: 'db1', depth: 1, attempt: 1, startMs: 10, endMs: 20 },
          { span_id: 'db2', depth: 1, attempt: 1, startMs: 50, endMs: 60 },
        ],
        logs: [
          { span_id: 'root', atMs: 30, attempt: 1, properties: null },
          { span_id: 'root', atMs: 190, attempt: 1, properties: null },
        ],
      }),
    );
    assert.equal(lanes.length, 1);
    assert.deepEqual(
      lanes[0]!.rows.map((r) => `${r.kind}@${r.at}/${r.depth}`),
      ['span@1/0', 'span@10/1', 'log@30/1', 'span@50/1', 'log@190/1'],
    );
  });

  it('gives each attempt its own lane and keeps rows without an attempt apart', () => {
    const lanes = buildLanes(
      story({
        requests: [request, { ...request, attempt: 2, startMs: 300, endMs: 400 }],
        spans: [{ span_id: 's2', depth: 0, attempt: 2, startMs: 310, endMs: 390 }],
        logs: [{ span_id: null, atMs: 500, attempt: null, properties: null }],
      }),
    );
    assert.deepEqual(lanes.map((l) => [l.attempt, l.rows.length]), [[1, 0], [2, 1], [null, 1]]);
  });

  it('puts a log line whose span is unknown at depth 0, and finds the end of the story', () => {
    const s = story({ logs: [{ span_id: 'gone', atMs: 7, attempt: null, properties: null }], spans: [{ span_id: 'x', depth: 0, attempt: null, startMs: 0, endMs: null }] });
    assert.equal(buildLanes(s)[0]!.rows[1]!.depth, 0);
    assert.equal(storyEndMs(s), 7);
  });
});

describe('templateNames', () => {
  it('reads plain, destructured and formatted holes', () => {
    assert.deepEqual([...templateNames('HTTP {RequestMethod} {@Cart} in {Elapsed:0.0000} ms')], ['RequestMethod', 'Cart', 'Elapsed']);
    assert.equal(templateNames(null).size, 0);
  });
});
