import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_JSON_NESTING, nestsTooDeep } from './json-nesting.ts';

const nested = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe('nestsTooDeep', () => {
  it('allows nesting up to the limit and refuses one level more', () => {
    assert.equal(nestsTooDeep(nested(MAX_JSON_NESTING)), false);
    assert.equal(nestsTooDeep(nested(MAX_JSON_NESTING + 1)), true);
    assert.equal(nestsTooDeep('['.repeat(MAX_JSON_NESTING + 1)), true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    assert.equal(nestsTooDeep(JSON.stringify({ text: '['.repeat(1000) })), false);
    assert.equal(nestsTooDeep(JSON.stringify({ text: '\\"' + '{'.repeat(1000) })), false);
  });

  it('counts siblings as one level', () => {
    assert.equal(nestsTooDeep(JSON.stringify(Array.from({ length: 1000 }, () => [[1]]))), false);
  });
});
