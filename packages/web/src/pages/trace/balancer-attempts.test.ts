import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Story, StoryRequest } from '../../api/index.ts';
import { balancerAttempts } from './balancer-attempts.ts';
import { isoToMicros } from './trace-model.ts';

describe('balancerAttempts', () => {
  it('places each attempt and its phases on the absolute time axis', () => {
    const request = {
      attempt: 1, self: null, lb_name: 'web-prod', elb_status_code: 504, target_status_code: null, startMs: 0, endMs: 60000.5, unaccountedMs: null,
      phases: [{ name: 'request', startMs: 0, endMs: 1, durationMs: 1 }],
      outcome: { kind: 'died-at-load-balancer', reason: '' },
    } as unknown as StoryRequest;
    const story = { origin: '2026-11-26T05:00:00.000100Z', requests: [request] } as unknown as Story;
    const [attempt] = balancerAttempts(story);
    const origin = isoToMicros('2026-11-26T05:00:00.000100Z');
    assert.deepEqual([attempt!.lbName, attempt!.status, attempt!.targetStatus], ['web-prod', 504, null]);
    assert.equal(attempt!.endUs - origin, 60_000_500);
    assert.deepEqual(attempt!.phases, [{ name: 'request', startUs: origin, endUs: origin + 1000 }]);
  });
});
