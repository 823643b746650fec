import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EMPTY_RULE, ruleRequestFor } from './rule-draft.ts';

const good = { ...EMPTY_RULE, name: ' checkout-5xx ', query: 'status:5xx path:/checkout | stats count() by instance_id', condition: '>10', window: '5m', for: '2m' };

describe('ruleRequestFor', () => {
  it('builds the POST /api/alerts body, trimmed', () => {
    assert.deepEqual(ruleRequestFor(good), { ok: true, request: { name: 'checkout-5xx', query: 'status:5xx path:/checkout | stats count() by instance_id', signal: 'requests', condition: '>10', window: '5m', for: '2m' } });
    assert.equal(ruleRequestFor({ ...good, condition: 'anomalous' }).ok, true);
  });

  it('names the field at fault', () => {
    const fieldOf = (draft: typeof good) => {
      const built = ruleRequestFor(draft);
      return built.ok ? null : built.field;
    };
    assert.equal(fieldOf({ ...good, name: 'has space' }), 'name');
    assert.equal(fieldOf({ ...good, query: 'status:5xx' }), 'query');
    assert.equal(fieldOf({ ...good, condition: 'more than 10' }), 'condition');
    assert.equal(fieldOf({ ...good, window: 'five minutes' }), 'window');
    assert.equal(fieldOf({ ...good, for: '' }), 'for');
  });
});
