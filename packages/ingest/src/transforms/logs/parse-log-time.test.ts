import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { epochNumberToMicros, parseLogTime } from './parse-log-time.ts';

describe('parseLogTime', () => {
  it('keeps microseconds exactly and truncates longer fractions', () => {
    assert.deepEqual(parseLogTime('2016-06-07T03:44:57.8532799Z'), { ok: true, value: 1465271097853279 });
    assert.deepEqual(parseLogTime('2016-06-07T03:44:57.853279999Z'), { ok: true, value: 1465271097853279 });
    assert.deepEqual(parseLogTime('2016-06-07 03:44:57Z'), { ok: true, value: 1465271097000000 });
  });

  it('applies offsets and reads a missing zone as UTC', () => {
    assert.deepEqual(parseLogTime('2016-06-07T13:44:57+10:00'), parseLogTime('2016-06-07T03:44:57Z'));
    assert.deepEqual(parseLogTime('2016-06-06T22:44:57-0500'), parseLogTime('2016-06-07T03:44:57Z'));
    assert.deepEqual(parseLogTime('2016-06-07T03:44:57'), parseLogTime('2016-06-07T03:44:57Z'));
  });

  it('rejects impossible and malformed timestamps with the reason', () => {
    for (const text of ['2016-02-30T00:00:00Z', '2015-02-29T00:00:00Z', '2016-13-01T00:00:00Z', '2016-06-07T24:00:00Z', '2016-06-07T03:61:00Z', 'yesterday', '', '1969-12-31T23:59:59Z']) {
      const parsed = parseLogTime(text);
      assert.equal(parsed.ok, false, text);
    }
    assert.equal(parseLogTime('2016-02-29T00:00:00Z').ok, true);
  });

  it('agrees with Date for every millisecond instant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }), (date) => {
        assert.deepEqual(parseLogTime(date.toISOString()), { ok: true, value: date.getTime() * 1000 });
      }),
    );
  });
});

describe('epochNumberToMicros', () => {
  it('guesses the unit by magnitude', () => {
    assert.deepEqual(epochNumberToMicros(1700000000.5), { ok: true, value: 1700000000500000 });
    assert.deepEqual(epochNumberToMicros(1700000000123), { ok: true, value: 1700000000123000 });
    assert.deepEqual(epochNumberToMicros(1700000000123456), { ok: true, value: 1700000000123456 });
    assert.deepEqual(epochNumberToMicros(1.7e18), { ok: true, value: 1.7e15 });
    assert.equal(epochNumberToMicros(-1).ok, false);
  });
});
