import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Sampler } from './sampler.ts';

describe('Sampler', () => {
  it('takes the reservoir each second, then nothing when the fixed rate is 0', () => {
    let now = 1_000_000;
    const sampler = new Sampler({ reservoirPerSecond: 2, fixedRate: 0 }, () => 0.5, () => now);
    assert.deepEqual([sampler.decide(), sampler.decide(), sampler.decide()], [true, true, false]);
    now += 999;
    assert.equal(sampler.decide(), false);
    now += 1;
    assert.equal(sampler.decide(), true, 'the next second refills the reservoir');
  });

  it('samples beyond the reservoir at the fixed rate', () => {
    const draws = [0.01, 0.2, 0.04, 0.06];
    const sampler = new Sampler({ reservoirPerSecond: 0, fixedRate: 0.05 }, () => draws.shift() ?? 1, () => 0);
    assert.deepEqual([sampler.decide(), sampler.decide(), sampler.decide(), sampler.decide()], [true, false, true, false]);
  });

  it('lets the first matching rule decide, with its own reservoir, and the default the rest', () => {
    const sampler = new Sampler({
      rules: [{ urlPath: '/health*', reservoirPerSecond: 0, fixedRate: 0 }, { host: '*.shop.test', httpMethod: 'POST', urlPath: '/api/orders/*', reservoirPerSecond: 1, fixedRate: 0 }],
      default: { reservoirPerSecond: 1, fixedRate: 0 },
    }, () => 0.5, () => 0);
    assert.equal(sampler.decide({ host: 'acme.shop.test', method: 'GET', path: '/healthz' }), false);
    assert.equal(sampler.decide({ host: 'acme.shop.test', method: 'post', path: '/api/orders/7' }), true);
    assert.equal(sampler.decide({ host: 'acme.shop.test', method: 'POST', path: '/api/orders/8' }), false, 'the rule’s reservoir is spent');
    assert.equal(sampler.decide({ host: 'acme.shop.test', method: 'GET', path: '/api/orders/8' }), true, 'the default has its own');
    assert.equal(sampler.decide({ host: 'other.test', method: 'GET', path: '/' }), false);
  });
});
