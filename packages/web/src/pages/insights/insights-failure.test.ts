import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../api/index.ts';
import { insightsDisabled } from './insights-failure.tsx';

describe('insightsDisabled', () => {
  it('tells a server without insights from other failures', () => {
    assert.equal(insightsDisabled(new ApiError(503, { error: 'TINSEL_ERR_INSIGHTS_DISABLED', message: 'Insights are not running.' })), true);
    assert.equal(insightsDisabled(new ApiError(503, { error: 'TINSEL_ERR_OVERLOADED' })), false);
    assert.equal(insightsDisabled(new Error('network down')), false);
  });
});
