import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatTraceparent, parseTraceparent } from './traceparent.ts';
import { canonicalId, messyText, spanId } from './test-arbitraries.ts';

// The example from the W3C Trace Context recommendation.
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const SPAN_ID = 'b7ad6b7169203331';
const SAMPLED = `00-${TRACE_ID}-${SPAN_ID}-01`;

function reasonOf(s: string): string {
  const r = parseTraceparent(s);
  assert.equal(r.ok, false, `expected ${JSON.stringify(s)} to be refused`);
  return r.ok ? '' : r.reason;
}

describe('parseTraceparent', () => {
  it('splits a version-00 header into its fields', () => {
    assert.deepEqual(parseTraceparent(SAMPLED), {
      ok: true,
      value: { version: '00', traceId: TRACE_ID, spanId: SPAN_ID, flags: 1, sampled: true },
    });
  });

  it('reads "sampled" from bit 0 and keeps the other flag bits', () => {
    const unsampled = parseTraceparent(`00-${TRACE_ID}-${SPAN_ID}-00`);
    assert.ok(unsampled.ok && unsampled.value.sampled === false && unsampled.value.flags === 0);
    const other = parseTraceparent(`00-${TRACE_ID}-${SPAN_ID}-02`);
    assert.ok(other.ok && other.value.sampled === false && other.value.flags === 2);
    const both = parseTraceparent(`00-${TRACE_ID}-${SPAN_ID}-ff`);
    assert.ok(both.ok && both.value.sampled === true && both.value.flags === 255);
  });

  it('trims surrounding whitespace', () => {
    assert.ok(parseTraceparent(` \t${SAMPLED} `).ok);
  });

  it('reads a later version by the version-00 layout and ignores what follows', () => {
    const r = parseTraceparent(`cc-${TRACE_ID}-${SPAN_ID}-01-what-the-future-holds`);
    assert.deepEqual(r, { ok: true, value: { version: 'cc', traceId: TRACE_ID, spanId: SPAN_ID, flags: 1, sampled: true } });
    assert.ok(parseTraceparent(`01-${TRACE_ID}-${SPAN_ID}-01`).ok);
    assert.match(reasonOf(`cc-${TRACE_ID}-${SPAN_ID}-01.x`), /separated by "-"/);
  });

  it('refuses version ff and a version-00 header with extra fields', () => {
    assert.match(reasonOf(`ff-${TRACE_ID}-${SPAN_ID}-01`), /version ff is forbidden/);
    assert.match(reasonOf(`${SAMPLED}-extra`), /version 00 must be exactly 55 characters, got 61/);
  });

  it('refuses uppercase hex, as the recommendation allows lowercase only', () => {
    assert.match(reasonOf(`00-${TRACE_ID.toUpperCase()}-${SPAN_ID}-01`), /trace id must be lowercase hex/);
    assert.match(reasonOf(`00-${TRACE_ID}-${SPAN_ID.toUpperCase()}-01`), /span id must be lowercase hex/);
    assert.match(reasonOf(`0A-${TRACE_ID}-${SPAN_ID}-01`), /2-digit lowercase hex version/);
    assert.match(reasonOf(`00-${TRACE_ID}-${SPAN_ID}-0A`), /flags must be 2 lowercase hex digits/);
  });

  it('refuses all-zero trace and span ids', () => {
    assert.match(reasonOf(`00-${'0'.repeat(32)}-${SPAN_ID}-01`), /trace id must not be all zeros/);
    assert.match(reasonOf(`00-${TRACE_ID}-${'0'.repeat(16)}-01`), /span id must not be all zeros/);
  });

  it('refuses wrong lengths, separators and characters', () => {
    assert.match(reasonOf(''), /at least 55 characters/);
    assert.match(reasonOf(`00-${TRACE_ID.slice(1)}-${SPAN_ID}-01`), /at least 55 characters .*got 54/);
    assert.match(reasonOf(`00-${TRACE_ID}1-${SPAN_ID.slice(1)}-01`), /separated by "-"/);
    assert.match(reasonOf(`00_${TRACE_ID}-${SPAN_ID}-01`), /version and "-"/);
    assert.match(reasonOf(`00-${TRACE_ID.slice(1)}x-${SPAN_ID}-01`), /trace id has non-hex character "x"/);
  });

  it('never throws, and every failure has a reason', () => {
    fc.assert(
      fc.property(messyText, (s) => {
        const r = parseTraceparent(s);
        assert.ok(r.ok || r.reason.length > 0);
      }),
    );
  });
});

describe('formatTraceparent', () => {
  it('writes version 00 with two-digit flags', () => {
    assert.equal(formatTraceparent({ traceId: TRACE_ID, spanId: SPAN_ID, flags: 1 }), SAMPLED);
    assert.equal(formatTraceparent({ traceId: TRACE_ID, spanId: SPAN_ID, flags: 0x1ff }), `00-${TRACE_ID}-${SPAN_ID}-ff`);
  });

  it('writes version 00 even for a header read at a later version', () => {
    const later = parseTraceparent(`cc-${TRACE_ID}-${SPAN_ID}-01-more`);
    assert.ok(later.ok);
    assert.equal(formatTraceparent(later.value), SAMPLED);
  });

  it('round-trips with parseTraceparent', () => {
    fc.assert(
      fc.property(canonicalId, spanId, fc.integer({ min: 0, max: 255 }), (traceId, span, flags) => {
        assert.deepEqual(parseTraceparent(formatTraceparent({ traceId, spanId: span, flags })), {
          ok: true,
          value: { version: '00', traceId, spanId: span, flags, sampled: (flags & 1) === 1 },
        });
      }),
    );
  });
});
