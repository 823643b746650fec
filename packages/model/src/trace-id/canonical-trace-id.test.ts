import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { hexTraceIdProblem, isCanonicalTraceId } from './canonical-trace-id.ts';
import { anyCaseHexId, canonicalId } from './test-arbitraries.ts';

describe('isCanonicalTraceId', () => {
  it('accepts 32 lowercase hex', () => {
    assert.equal(isCanonicalTraceId('5759e988bd862e3fe1be46a994272793'), true);
  });

  it('refuses uppercase, other lengths, X-Ray form, non-hex and all zeros', () => {
    for (const s of [
      '5759E988BD862E3FE1BE46A994272793',
      '5759e988bd862e3fe1be46a99427279',
      '1-5759e988-bd862e3fe1be46a994272793',
      '5759e988bd862e3fe1be46a99427279g',
      '0'.repeat(32),
      '',
    ]) {
      assert.equal(isCanonicalTraceId(s), false, s);
    }
  });

  it('holds for every generated canonical id', () => {
    fc.assert(fc.property(canonicalId, (id) => isCanonicalTraceId(id)));
  });
});

describe('hexTraceIdProblem', () => {
  it('accepts either case', () => {
    fc.assert(fc.property(anyCaseHexId, (id) => hexTraceIdProblem(id) === null));
  });

  it('says what is wrong', () => {
    assert.match(hexTraceIdProblem('abc') ?? '', /32 hex digits, got 3 characters: "abc"/);
    assert.match(hexTraceIdProblem(`${'a'.repeat(31)}-`) ?? '', /non-hex character "-" at index 31/);
    assert.match(hexTraceIdProblem('0'.repeat(32)) ?? '', /all zeros/);
  });

  it('cuts long input short in its reason', () => {
    const reason = hexTraceIdProblem('x'.repeat(10_000)) ?? '';
    assert.ok(reason.length < 200, reason);
    assert.match(reason, /10000 chars/);
  });
});
