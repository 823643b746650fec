import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorBars, fiveHundredsByGroup, outcomeBars } from './build-bars.ts';

const statuses = [
  { elb_status_code: 200, target_status_code: 200, error_reason: null, count: 900 },
  { elb_status_code: 504, target_status_code: null, error_reason: null, count: 50 },
  { elb_status_code: 500, target_status_code: 500, error_reason: null, count: 30 },
  { elb_status_code: 460, target_status_code: null, error_reason: null, count: 15 },
  { elb_status_code: 404, target_status_code: 404, error_reason: null, count: 5 },
];

describe('outcomeBars', () => {
  it('counts requests per verdict of the request story', () => {
    const bars = outcomeBars(statuses, '');
    assert.deepEqual(bars.map((b) => [b.key, b.count, b.of]), [['served', 900, 1000], ['died-at-load-balancer', 50, 1000], ['failed-in-app', 30, 1000], ['client-gave-up', 15, 1000], ['client-error', 5, 1000]]);
  });
});

describe('errorBars', () => {
  it('lists error answers, commonest first, each with the filter of its requests', () => {
    const bars = errorBars(statuses, 'tenant:acme');
    assert.deepEqual(bars.map((b) => [b.label, b.detail, b.count]), [['504', 'the target never answered', 50], ['500', 'from the target', 30], ['460', 'the target never answered', 15], ['404', 'from the target', 5]]);
    assert.equal(bars[0]!.filter, 'tenant:acme elb_status_code:504 NOT _exists_:target_status_code');
    assert.equal(bars[1]!.of, 100);
  });
});

describe('fiveHundredsByGroup', () => {
  it('ranks the groups by their own 5xx share', () => {
    const volume = [{ az: 'a', count: 100 }, { az: 'b', count: 10 }];
    const errors = [{ az: 'a', elb_status_code: 500, target_status_code: 500, count: 5 }, { az: 'b', elb_status_code: 504, target_status_code: null, count: 2 }, { az: 'a', elb_status_code: 404, target_status_code: 404, count: 50 }];
    const bars = fiveHundredsByGroup(errors, volume, 'az', '');
    assert.deepEqual(bars.map((b) => [b.key, b.count, b.of]), [['b', 2, 10], ['a', 5, 100]]);
    assert.equal(bars[0]!.filter, 'elb_status_code:5xx az:b');
  });
});
