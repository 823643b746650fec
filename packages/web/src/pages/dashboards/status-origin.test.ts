import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { outcomeOf, statusOrigin } from './status-origin.ts';

describe('statusOrigin', () => {
  it('credits an error to the target when the load balancer passed its status on', () => {
    assert.equal(statusOrigin(500, 500), '5xx-target');
    assert.equal(statusOrigin(404, 404), '4xx-target');
  });

  it('credits the load balancer when the target never answered or answered otherwise', () => {
    assert.equal(statusOrigin(504, null), '5xx-alb');
    assert.equal(statusOrigin(502, 200), '5xx-alb');
    assert.equal(statusOrigin(460, null), '4xx-alb');
  });

  it('calls everything below 400 ok', () => {
    assert.equal(statusOrigin(200, 200), 'ok');
    assert.equal(statusOrigin(302, 302), 'ok');
  });
});

describe('outcomeOf', () => {
  it('names the verdicts of the request story', () => {
    assert.equal(outcomeOf(500, 500).key, 'failed-in-app');
    assert.equal(outcomeOf(504, null).key, 'died-at-load-balancer');
    assert.equal(outcomeOf(460, null).key, 'client-gave-up');
    assert.equal(outcomeOf(404, 404).key, 'client-error');
    assert.equal(outcomeOf(200, 200).key, 'served');
  });
});
