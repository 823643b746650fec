import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseInsightsConfig } from './insights-config.ts';
import { validateConfig } from './validate-config.ts';

describe('parseInsightsConfig', () => {
  it('reads notifiers and rules and applies defaults', () => {
    const c = parseInsightsConfig({ interval: '30s', notify: ['hook'] }, {
      notifiers: [{ name: 'hook', type: 'webhook', url: 'http://127.0.0.1:9/x', format: 'slack' }, { name: 'mail', type: 'email', host: 'smtp', from: 'a@b', to: ['c@d'] }],
      rules: [{ name: 'r', query: 'status:>=500 | stats count()', condition: '> 5', window: '5m', for: '1m', notify: ['mail'] }],
    });
    assert.equal(c.insights.intervalMs, 30_000);
    assert.equal(c.insights.historyMinutes, 60);
    assert.deepEqual(c.alerts.notifiers.map((n) => n.type), ['webhook', 'email']);
    assert.equal(c.alerts.rules[0]?.origin, 'config');
    assert.equal(c.alerts.repeatMs, 4 * 3_600_000);
  });

  it('names the key at fault', () => {
    assert.throws(() => parseInsightsConfig({}, { rules: [{ name: 'r', query: 'x | stats count()', condition: 'big' }] }), /^Error: alerts\.rules\[0\]\.condition:/);
    assert.throws(() => parseInsightsConfig({}, { rules: [{ name: 'r', query: 'x | stats count()', condition: '> 1', notify: ['nobody'] }] }), /alerts\.rules\[0\]\.notify: no notifier named "nobody"/);
    assert.throws(() => parseInsightsConfig({}, { notifiers: [{ name: 'x', type: 'pager' }] }), /alerts\.notifiers\[0\]\.type/);
    assert.throws(() => parseInsightsConfig({ enabled: 'sometimes' }, {}), /insights\.enabled/);
  });

  it('is part of tinsel.yaml validation', () => {
    const bad = validateConfig({ alerts: { repeatInterval: 'often' } }, '.');
    assert.ok(!bad.ok && bad.reason.startsWith('alerts.repeatInterval:'));
    const good = validateConfig({ insights: { enabled: false } }, '.');
    assert.ok(good.ok && good.value.insights?.insights.enabled === false);
  });
});
