import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filterEsResponse } from './es-filter-path.ts';
import { matchesEsPattern } from './es-name-pattern.ts';

const answer = {
  took: 3,
  errors: true,
  items: [{ index: { _index: 'a', _id: '1', status: 201 } }, { create: { _index: 'a', _id: '2', status: 400, error: { type: 'document_parsing_exception', reason: 'x' } } }],
};

describe('filterEsResponse', () => {
  it('keeps what Logstash asks for: errors, items.*.error, items.*.status', () => {
    assert.deepEqual(filterEsResponse(answer, 'errors,items.*.error,items.*.status'), {
      errors: true,
      items: [{ index: { status: 201 } }, { create: { status: 400, error: { type: 'document_parsing_exception', reason: 'x' } } }],
    });
  });

  it('drops array elements with nothing left, and answers {} when nothing matches', () => {
    assert.deepEqual(filterEsResponse(answer, 'items.*.error'), { items: [{ create: { error: { type: 'document_parsing_exception', reason: 'x' } } }] });
    assert.deepEqual(filterEsResponse({ took: 1, errors: false, items: [{ index: { status: 201 } }] }, 'items.*.error'), {});
  });

  it('matches partial wildcards and ignores exclusions', () => {
    assert.deepEqual(filterEsResponse({ took: 1, timed_out: false }, 't*k,-took'), { took: 1 });
    assert.deepEqual(filterEsResponse(answer, '-took'), answer);
  });
});

describe('matchesEsPattern', () => {
  it('reads comma lists and wildcards', () => {
    assert.equal(matchesEsPattern('logs-2026.11.26', 'metrics-*,logs-*'), true);
    assert.equal(matchesEsPattern('logs', 'logs-*'), false);
    assert.equal(matchesEsPattern('a.b', 'a?b'), false);
    assert.equal(matchesEsPattern('anything', '_all'), true);
  });
});
