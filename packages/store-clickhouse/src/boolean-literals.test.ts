import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { booleanLiteralsToNumbers } from './boolean-literals.ts';

describe('booleanLiteralsToNumbers', () => {
  it('writes TRUE and FALSE as 1 and 0', () => {
    assert.equal(booleanLiteralsToNumbers('WHERE TRUE AND NOT false'), 'WHERE 1 AND NOT 0');
  });

  it('leaves quoted text, longer words and functions alone', () => {
    const text = "WHERE status = 'true' AND `false` = 1 AND is_true_flag AND t.true_count > 0 AND true_(x)";
    assert.equal(booleanLiteralsToNumbers(text), text);
  });
});
