import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addFilter, tqlValue } from './query-edit.ts';

describe('addFilter', () => {
  it('adds a clause to an empty query and to an existing filter', () => {
    assert.equal(addFilter('', 'host', 'web-3'), 'host:web-3');
    assert.equal(addFilter('*', 'elb_status_code', 504), 'elb_status_code:504');
    assert.equal(addFilter('status:>=500', 'tenant', 'acme'), 'status:>=500 tenant:acme');
  });

  it('keeps pipes after the filter', () => {
    assert.equal(addFilter('status:>=500 | stats count() by host', 'host', 'web-3'), 'status:>=500 host:web-3 | stats count() by host');
  });

  it('negates for filter-out and groups an OR', () => {
    assert.equal(addFilter('a OR b', 'level', 'error', true), '(a OR b) NOT level:error');
    assert.equal(addFilter('', 'tenant', null), 'NOT _exists_:tenant');
    assert.equal(addFilter('', 'tenant', null, true), '_exists_:tenant');
  });

  it('quotes values that are not plain words and ignores a | inside quotes', () => {
    assert.equal(tqlValue('GET /a b'), '"GET /a b"');
    assert.equal(tqlValue('say "hi"'), '"say \\"hi\\""');
    assert.equal(tqlValue('OR'), '"OR"');
    assert.equal(addFilter('"a|b"', 'x', 1), '"a|b" x:1');
  });

  it('does not add the same clause twice', () => {
    assert.equal(addFilter('host:web-3', 'host', 'web-3'), 'host:web-3');
  });
});
