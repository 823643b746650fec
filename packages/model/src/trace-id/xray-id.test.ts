import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { canonicalToXray, xrayToCanonical } from './xray-id.ts';
import { anyCaseHexId, canonicalId, messyText } from './test-arbitraries.ts';

const XRAY = '1-5759e988-bd862e3fe1be46a994272793';
const CANONICAL = '5759e988bd862e3fe1be46a994272793';

function reasonOf(r: { ok: boolean; reason?: string }): string {
  assert.equal(r.ok, false, 'expected a failure');
  return r.reason ?? '';
}

describe('xrayToCanonical', () => {
  it('drops the version and the dash (AWS documentation example)', () => {
    assert.deepEqual(xrayToCanonical(XRAY), { ok: true, value: CANONICAL });
  });

  it('accepts uppercase hex and lowers it', () => {
    assert.deepEqual(xrayToCanonical('1-5759E988-BD862E3FE1BE46A994272793'), { ok: true, value: CANONICAL });
  });

  it('rejects each malformation with a reason that says what was wrong', () => {
    const cases: Array<[string, RegExp]> = [
      ['2-5759e988-bd862e3fe1be46a994272793', /version "1-"/],
      [CANONICAL, /version "1-"/],
      ['', /version "1-"/],
      ['1-5759e988-bd862e3fe1be46a99427279', /35 characters.*got 34/],
      ['1-5759e988-bd862e3fe1be46a9942727933', /35 characters.*got 36/],
      ['1-5759e988xbd862e3fe1be46a994272793', /"-" after its 8 epoch digits/],
      ['1-5759g988-bd862e3fe1be46a994272793', /non-hex character "g" at index 6/],
      ['1-5759e988-bd862e3fe1be46a99427279z', /non-hex character "z" at index 34/],
      ['1-00000000-000000000000000000000000', /all zeros/],
      [` ${XRAY}`, /version "1-"/],
    ];
    for (const [input, reason] of cases) assert.match(reasonOf(xrayToCanonical(input)), reason, input);
  });

  it('accepts a zero epoch when the random part is not zero', () => {
    assert.deepEqual(xrayToCanonical('1-00000000-000000000000000000000001'), {
      ok: true,
      value: '00000000000000000000000000000001',
    });
  });

  it('never throws, and every failure has a reason', () => {
    fc.assert(
      fc.property(messyText, (s) => {
        const r = xrayToCanonical(s);
        assert.ok(r.ok || r.reason.length > 0);
      }),
    );
  });
});

describe('canonicalToXray', () => {
  it('puts back the version and the dash', () => {
    assert.deepEqual(canonicalToXray(CANONICAL), { ok: true, value: XRAY });
  });

  it('lowers uppercase hex', () => {
    assert.deepEqual(canonicalToXray(CANONICAL.toUpperCase()), { ok: true, value: XRAY });
  });

  it('rejects wrong length, non-hex and all-zero ids with a reason', () => {
    assert.match(reasonOf(canonicalToXray('abc')), /32 hex digits, got 3/);
    assert.match(reasonOf(canonicalToXray(XRAY)), /32 hex digits, got 35/);
    assert.match(reasonOf(canonicalToXray(`${CANONICAL.slice(0, 31)}x`)), /non-hex character "x" at index 31/);
    assert.match(reasonOf(canonicalToXray('0'.repeat(32))), /all zeros/);
  });

  it('round-trips with xrayToCanonical for every id', () => {
    fc.assert(
      fc.property(canonicalId, (id) => {
        const xray = canonicalToXray(id);
        assert.ok(xray.ok);
        assert.deepEqual(xrayToCanonical(xray.value), { ok: true, value: id });
      }),
    );
  });

  it('round-trips from the X-Ray side, whatever the case', () => {
    fc.assert(
      fc.property(anyCaseHexId, (hex) => {
        const xray = `1-${hex.slice(0, 8)}-${hex.slice(8)}`;
        const canonical = xrayToCanonical(xray);
        assert.ok(canonical.ok);
        assert.deepEqual(canonicalToXray(canonical.value), { ok: true, value: xray.toLowerCase() });
      }),
    );
  });
});
