import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseAlertRule, parseDurationMs } from './alert-rule.ts';

describe('parseAlertRule', () => {
  it('reads a threshold rule with its window and for-duration', () => {
    const r = parseAlertRule({ name: 'x', query: 'status:>=500 | stats count()', condition: '>= 10', window: '5m', for: '2m', notify: ['ops'] }, 'config');
    assert.ok(r.ok);
    assert.deepEqual(r.value.threshold, { op: '>=', value: 10 });
    assert.equal(r.value.window, 300_000);
    assert.equal(r.value.for, 120_000);
  });
  it('reads an anomalous rule', () => {
    const r = parseAlertRule({ name: 'x', query: '* | stats p95(target_processing_time)', condition: 'anomalous' }, 'api');
    assert.ok(r.ok && r.value.anomalous && r.value.threshold === null);
  });
  it('names the field at fault', () => {
    const noStats = parseAlertRule({ name: 'x', query: 'status:500', condition: '> 1' }, 'api');
    assert.ok(!noStats.ok && noStats.reason.startsWith('query:'));
    const badCondition = parseAlertRule({ name: 'x', query: '* | stats count()', condition: 'lots' }, 'api');
    assert.ok(!badCondition.ok && badCondition.reason.startsWith('condition:'));
    const badWindow = parseAlertRule({ name: 'x', query: '* | stats count()', condition: '> 1', window: 'soon' }, 'api');
    assert.ok(!badWindow.ok && badWindow.reason.startsWith('window:'));
  });
  it('reads durations', () => {
    assert.equal(parseDurationMs('90s'), 90_000);
    assert.equal(parseDurationMs('1h'), 3_600_000);
    assert.equal(parseDurationMs('x'), null);
  });
});
