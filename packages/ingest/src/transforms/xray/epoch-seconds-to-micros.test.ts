import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { epochSecondsToMicros } from './epoch-seconds-to-micros.ts';

describe('epochSecondsToMicros', () => {
  it('reads plain and E-notation seconds', () => {
    assert.equal(epochSecondsToMicros(1461096053.37518), 1461096053375180);
    assert.equal(epochSecondsToMicros(1.478293361271e9), 1478293361271000);
    assert.equal(epochSecondsToMicros(0), 0);
  });

  it('recovers every microsecond of a six-decimal time written as JSON, up to year 2106', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 * 1e6 - 1 }), (micros) => {
        const text = `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
        return epochSecondsToMicros(JSON.parse(text)) === micros;
      }),
      { numRuns: 2000 },
    );
  });

  it('is NaN for what is not a non-negative finite number of seconds that fits', () => {
    for (const value of ['1461096053', -1, Number.NaN, Infinity, null, undefined, 1e13]) {
      assert.ok(Number.isNaN(epochSecondsToMicros(value)), String(value));
    }
  });
});
