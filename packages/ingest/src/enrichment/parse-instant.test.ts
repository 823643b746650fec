import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseInstant } from './parse-instant.ts';

const tenAm = Date.UTC(2026, 10, 20, 10) * 1000;

describe('parseInstant', () => {
  it('reads ISO 8601 with Z, offsets and the EC2 GMT form as epoch microseconds', () => {
    for (const text of ['2026-11-20T10:00:00Z', '2026-11-20T10:00:00+00:00', '2026-11-20T11:00:00+01:00', '2026-11-20 10:00:00 GMT', '2026-11-20T05:00:00-0500']) {
      assert.deepEqual(parseInstant(text), { ok: true, value: tenAm }, text);
    }
  });

  it('reads a time without a zone as UTC, and a bare date as midnight UTC', () => {
    assert.deepEqual(parseInstant('2026-11-20T10:00'), { ok: true, value: tenAm });
    assert.deepEqual(parseInstant('2026-11-20'), { ok: true, value: Date.UTC(2026, 10, 20) * 1000 });
  });

  it('keeps fractions down to the microsecond', () => {
    assert.deepEqual(parseInstant('2026-11-20T10:00:00.123456789Z'), { ok: true, value: tenAm + 123_456 });
    assert.deepEqual(parseInstant('2026-11-20T10:00:00.5Z'), { ok: true, value: tenAm + 500_000 });
  });

  it('rejects dates that do not exist and other text', () => {
    assert.equal(parseInstant('2026-02-30T00:00:00Z').ok, false);
    assert.equal(parseInstant('2026-11-20T24:00:00Z').ok, false);
    assert.equal(parseInstant('1795168800').ok, false);
    assert.equal(parseInstant('yesterday').ok, false);
  });
});
