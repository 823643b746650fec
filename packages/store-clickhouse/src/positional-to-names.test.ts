import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { positionalToNames } from './positional-to-names.ts';

describe('positionalToNames', () => {
  it('names the select items that GROUP BY and ORDER BY point at', () => {
    assert.equal(
      positionalToNames("SELECT toDateTime(intDiv(toUInt32(time), 60) * 60, 'UTC') AS bucket, count(*) AS n FROM requests GROUP BY 1 ORDER BY 1 LIMIT 2"),
      "SELECT toDateTime(intDiv(toUInt32(time), 60) * 60, 'UTC') AS bucket, count(*) AS n FROM requests GROUP BY bucket ORDER BY bucket LIMIT 2",
    );
  });

  it('repeats an item without alias and keeps directions', () => {
    assert.equal(positionalToNames('SELECT source, count() FROM t GROUP BY 1 ORDER BY 2 DESC, 1'), 'SELECT source, count() FROM t GROUP BY source ORDER BY count() DESC, source');
  });

  it('leaves numbers inside quotes, parentheses and conditions alone', () => {
    const text = "SELECT a AS x FROM t WHERE b = 'GROUP BY 1' AND c IN (SELECT 1 FROM u ORDER BY 1) ORDER BY x LIMIT 1";
    assert.equal(positionalToNames(text), text);
  });

  it('leaves a position past the select list as it is', () => {
    assert.equal(positionalToNames('SELECT a FROM t ORDER BY 3'), 'SELECT a FROM t ORDER BY 3');
  });
});
