import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseIsoMicros } from './parse-iso-micros.ts';

const parse = (s: string): number => parseIsoMicros(s, 0, s.length);

describe('parseIsoMicros', () => {
  it('reads an ALB timestamp to the microsecond', () => {
    assert.equal(parse('2018-07-02T22:23:00.186641Z'), 1_530_570_180_186_641);
    assert.equal(parse('1970-01-01T00:00:00.000000Z'), 0);
    assert.equal(parse('1969-12-31T23:59:59.999999Z'), -1);
  });

  it('reads the timestamp in place, inside a longer line', () => {
    const line = 'h2 2018-07-02T22:23:00.186641Z app/x/y';
    assert.equal(parseIsoMicros(line, 3, 30), 1_530_570_180_186_641);
  });

  it('agrees with Date.parse on every millisecond-precision instant from year 1 to 2255', () => {
    const min = Date.parse('0001-01-01T00:00:00.000Z');
    const max = Date.parse('2255-12-31T23:59:59.999Z');
    fc.assert(
      fc.property(fc.integer({ min, max }), fc.integer({ min: 0, max: 999 }), (ms, extraMicros) => {
        const iso = new Date(ms).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
        const withMicros = `${iso.slice(0, 23)}${String(extraMicros).padStart(3, '0')}Z`;
        assert.equal(parse(iso), ms * 1000);
        assert.equal(parse(withMicros), ms * 1000 + extraMicros);
      }),
      { numRuns: 5000 },
    );
  });

  it('takes 0 to 9 fraction digits, truncating past microseconds', () => {
    assert.equal(parse('2018-07-02T22:23:00Z'), 1_530_570_180_000_000);
    assert.equal(parse('2018-07-02T22:23:00.1Z'), 1_530_570_180_100_000);
    assert.equal(parse('2018-07-02T22:23:00.364000Z'), 1_530_570_180_364_000);
    assert.equal(parse('2018-07-02T22:23:00.123456789Z'), 1_530_570_180_123_456);
  });

  it('knows leap years', () => {
    assert.equal(parse('2024-02-29T00:00:00Z'), Date.parse('2024-02-29T00:00:00Z') * 1000);
    assert.equal(parse('2000-02-29T00:00:00Z'), Date.parse('2000-02-29T00:00:00Z') * 1000);
    assert.ok(Number.isNaN(parse('2023-02-29T00:00:00Z')));
    assert.ok(Number.isNaN(parse('1900-02-29T00:00:00Z')));
  });

  it('returns NaN for anything else', () => {
    for (const bad of [
      '', '-', '2018-07-02', '2018-07-02T22:23:00.186641', '2018-07-02 22:23:00.186641Z', '2018-13-02T22:23:00.186641Z',
      '2018-00-02T22:23:00Z', '2018-04-31T22:23:00Z', '2018-07-00T22:23:00Z', '2018-07-02T24:00:00Z', '2018-07-02T22:60:00Z',
      '2018-07-02T22:23:60Z', '2018-07-02T22:23:00.Z', '2018-07-02T22:23:00.1234567890Z', '2018-07-02T22:23:00,186641Z',
      '2018-07-02T22:23:00.18a641Z', '20x8-07-02T22:23:00.186641Z', '2018-07-02T22:23:00.186641+00:00', '+2018-07-02T22:23:00Z',
    ]) {
      assert.ok(Number.isNaN(parse(bad)), bad);
    }
  });

  it('never reads outside its bounds', () => {
    assert.ok(Number.isNaN(parseIsoMicros('2018-07-02T22:23:00Z', 0, 40)));
    assert.ok(Number.isNaN(parseIsoMicros('2018-07-02T22:23:00Z', -1, 19)));
  });
});
