import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AlertRuleState } from '../../api/index.ts';
import { labelsParam, labelsText, parseLabelsParam, ruleQueryPath, ruleState, silenceRequestFor, silenceScope, sortRules, type SilenceDraft } from './alert-state.ts';

function rule(name: string, states: ('pending' | 'firing')[]): AlertRuleState {
  return { name, query: 'status:5xx | stats count() by instance_id', signal: 'requests', condition: '> 10', window: '300s', for: '120s', notify: [], origin: 'api', alerts: states.map((state, i) => ({ labels: { instance_id: `i-${i}` }, value: 12, state, since: '2026-11-24T14:00:00.000Z', silenced: false })) };
}

describe('ruleState and sortRules', () => {
  it('takes the worst state of a rule’s alerts', () => {
    assert.equal(ruleState(rule('a', [])), 'ok');
    assert.equal(ruleState(rule('a', ['pending'])), 'pending');
    assert.equal(ruleState(rule('a', ['pending', 'firing'])), 'firing');
  });

  it('puts firing rules first, then pending, then quiet ones, by name', () => {
    const sorted = sortRules([rule('quiet', []), rule('b-pending', ['pending']), rule('z-firing', ['firing']), rule('a-firing', ['firing'])]);
    assert.deepEqual(sorted.map((r) => r.name), ['a-firing', 'z-firing', 'b-pending', 'quiet']);
  });
});

describe('labels', () => {
  it('read as sorted name=value pairs', () => {
    assert.equal(labelsText({ tenant: 'acme', instance_id: 'i-1' }), 'instance_id=i-1, tenant=acme');
    assert.equal(labelsText({}), '(no labels)');
  });

  it('go through the address and back, any value intact', () => {
    const labels = { path: '/a,b=c', tenant: 'acme' };
    assert.deepEqual(parseLabelsParam(labelsParam(labels)), labels);
    assert.deepEqual(parseLabelsParam('not json'), {});
    assert.deepEqual(parseLabelsParam('{"n": 1, "ok": "yes"}'), { ok: 'yes' });
  });
});

describe('silenceRequestFor', () => {
  const draft: SilenceDraft = { rule: 'checkout-5xx', onlyRule: true, labels: { instance_id: 'i-1', tenant: 'acme' }, chosen: ['instance_id'], duration: '2h', comment: ' deploy rolled back ' };

  it('builds the rule, the chosen labels as matchers, the duration and the comment', () => {
    assert.deepEqual(silenceRequestFor(draft), { ok: true, request: { rule: 'checkout-5xx', matchers: { instance_id: 'i-1' }, duration: '2h', comment: 'deploy rolled back' } });
  });

  it('leaves the rule out when asked, but refuses a silence that matches everything', () => {
    assert.deepEqual(silenceRequestFor({ ...draft, onlyRule: false, comment: '' }), { ok: true, request: { matchers: { instance_id: 'i-1' }, duration: '2h' } });
    const refused = silenceRequestFor({ ...draft, onlyRule: false, chosen: [] });
    assert.equal(refused.ok, false);
  });

  it('refuses a duration the server would not read', () => {
    assert.equal(silenceRequestFor({ ...draft, duration: 'two hours' }).ok, false);
    assert.equal(silenceRequestFor({ ...draft, duration: '1w' }).ok, false);
  });
});

describe('silenceScope and ruleQueryPath', () => {
  it('says what a silence matches', () => {
    assert.equal(silenceScope({ rule: 'checkout-5xx', matchers: { instance_id: 'i-1' } }), 'rule checkout-5xx, instance_id=i-1');
    assert.equal(silenceScope({ rule: null, matchers: { tenant: 'acme' } }), 'tenant=acme');
  });

  it('runs a rule’s query over its window in Search', () => {
    const url = new URL(ruleQueryPath(rule('a', [])), 'http://x');
    assert.equal(url.searchParams.get('q'), 'status:5xx | stats count() by instance_id');
    assert.equal(url.searchParams.get('from'), '-300s');
    assert.equal(url.searchParams.get('signal'), 'requests');
  });
});
