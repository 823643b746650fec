import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSecretName, redact } from './redact.ts';
import { RateLimiter } from './rate-limiter.ts';

describe('redact', () => {
  it('hides values whose names look secret, at any depth', () => {
    assert.deepEqual(redact({ user: 'ann', password: 'hunter2', nested: { apiKey: 'k', cardToken: 't', total: 3 } }), {
      user: 'ann', password: '[redacted]', nested: { apiKey: '[redacted]', cardToken: '[redacted]', total: 3 },
    });
    for (const name of ['passwd', 'client_secret', 'Authorization', 'sessionId', 'api-key']) assert.ok(isSecretName(name), name);
    for (const name of ['orderId', 'total', 'tenant']) assert.ok(!isSecretName(name), name);
  });

  it('bounds strings, depth, arrays and keys', () => {
    assert.equal(redact('x'.repeat(300)), `${'x'.repeat(256)}…`);
    assert.deepEqual(redact({ a: { b: { c: { d: 1 } } } }), { a: { b: { c: '[Object]' } } });
    assert.equal((redact(Array.from({ length: 100 }, (_, i) => i)) as number[]).length, 20);
    assert.equal(Object.keys(redact(Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`k${i}`, i]))) as object).length, 50);
  });
});

describe('RateLimiter', () => {
  it('allows so many per second and counts the refusals', () => {
    let now = 0;
    const limiter = new RateLimiter(2, () => now);
    assert.deepEqual([limiter.tryTake(), limiter.tryTake(), limiter.tryTake()], [true, true, false]);
    now = 1000;
    assert.equal(limiter.tryTake(), true);
    assert.equal(limiter.refused, 1);
  });
});
