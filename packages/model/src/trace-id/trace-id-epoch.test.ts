import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { EARLIEST_PLAUSIBLE_EPOCH_SECOND, epochSecondOfTraceId, plausibleEpochSecond } from './trace-id-epoch.ts';
import { canonicalId, messyText } from './test-arbitraries.ts';

const NOW = Date.UTC(2024, 5, 1); // 2024-06-01, a fixed "now" for the window

function idAt(epochSecond: number): string {
  return `${epochSecond.toString(16).padStart(8, '0')}bd862e3fe1be46a994272793`;
}

describe('epochSecondOfTraceId', () => {
  it('reads the first 8 hex digits of the X-Ray and the canonical form alike', () => {
    assert.equal(epochSecondOfTraceId('1-5759e988-bd862e3fe1be46a994272793'), 1_465_510_280);
    assert.equal(epochSecondOfTraceId('5759e988bd862e3fe1be46a994272793'), 1_465_510_280);
    assert.equal(epochSecondOfTraceId('5759E988BD862E3FE1BE46A994272793'), 1_465_510_280);
  });

  it('is null for anything that is not an id', () => {
    for (const s of ['', '5759e988', '1-5759e988-bd86', '5759e988bd862e3fe1be46a99427279z', '0'.repeat(32)]) {
      assert.equal(epochSecondOfTraceId(s), null, s);
    }
  });

  it('agrees between both forms of every id', () => {
    fc.assert(
      fc.property(canonicalId, (id) => {
        assert.equal(epochSecondOfTraceId(`1-${id.slice(0, 8)}-${id.slice(8)}`), epochSecondOfTraceId(id));
      }),
    );
  });

  it('never throws', () => {
    fc.assert(fc.property(messyText, (s) => void epochSecondOfTraceId(s)));
  });
});

describe('plausibleEpochSecond', () => {
  it('keeps a time inside 2015-01-01 .. now + 1 day', () => {
    const nowSecond = NOW / 1000;
    assert.equal(plausibleEpochSecond(idAt(EARLIEST_PLAUSIBLE_EPOCH_SECOND), NOW), EARLIEST_PLAUSIBLE_EPOCH_SECOND);
    assert.equal(plausibleEpochSecond(idAt(nowSecond), NOW), nowSecond);
    assert.equal(plausibleEpochSecond(idAt(nowSecond + 86_400), NOW), nowSecond + 86_400);
  });

  it('drops a time before 2015 or more than a day ahead', () => {
    assert.equal(plausibleEpochSecond(idAt(EARLIEST_PLAUSIBLE_EPOCH_SECOND - 1), NOW), null);
    assert.equal(plausibleEpochSecond(idAt(NOW / 1000 + 86_401), NOW), null);
  });

  it('drops the prefix of a typical random W3C id', () => {
    // W3C Trace Context's own example id: its first 8 digits would be 1975.
    assert.equal(plausibleEpochSecond('0af7651916cd43dd8448eb211c80319c', NOW), null);
    assert.equal(plausibleEpochSecond('f1e2d3c4b5a6978812345678abcdef01', NOW), null);
  });

  it('is null for non-ids and defaults now to the clock', () => {
    assert.equal(plausibleEpochSecond('not an id'), null);
    const nowSecond = Math.floor(Date.now() / 1000);
    assert.equal(plausibleEpochSecond(idAt(nowSecond)), nowSecond);
  });
});
