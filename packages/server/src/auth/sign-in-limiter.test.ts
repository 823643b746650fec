import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignInLimiter } from './sign-in-limiter.ts';

describe('sign-in limiter', () => {
  it('refuses an address after 10 failures in a minute, until the minute ends', () => {
    let now = 0;
    const limiter = new SignInLimiter({ now: () => now });
    for (let i = 0; i < 9; i += 1) limiter.fail('10.0.0.1');
    assert.equal(limiter.retryAfter('10.0.0.1'), 0);
    now = 20_000;
    limiter.fail('10.0.0.1');
    assert.equal(limiter.retryAfter('10.0.0.1'), 40);
    assert.equal(limiter.retryAfter('10.0.0.2'), 0);
    now = 59_500;
    assert.equal(limiter.retryAfter('10.0.0.1'), 1);
    now = 60_000;
    assert.equal(limiter.retryAfter('10.0.0.1'), 0);
    limiter.fail('10.0.0.1');
    assert.equal(limiter.retryAfter('10.0.0.1'), 0);
  });

  it('takes back an attempt that succeeded, but never below zero', () => {
    const limiter = new SignInLimiter({ failures: 2, now: () => 0 });
    limiter.fail('a');
    limiter.fail('a');
    assert.ok(limiter.retryAfter('a') > 0);
    limiter.forgive('a');
    assert.equal(limiter.retryAfter('a'), 0);
    for (let i = 0; i < 5; i += 1) limiter.forgive('a');
    limiter.fail('a');
    assert.equal(limiter.retryAfter('a'), 0);
  });

  it('remembers a bounded number of addresses', () => {
    const limiter = new SignInLimiter({ failures: 1, maxAddresses: 2, now: () => 0 });
    for (const address of ['a', 'b', 'c']) limiter.fail(address);
    assert.deepEqual(['a', 'b', 'c'].map((a) => limiter.retryAfter(a) > 0), [false, true, true]);
  });
});
