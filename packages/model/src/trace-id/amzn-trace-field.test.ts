import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { amznTraceFieldRemainder, traceIdFromAmznTraceField } from './amzn-trace-field.ts';
import { isCanonicalTraceId } from './canonical-trace-id.ts';
import { parseAmznTraceHeader } from './parse-amzn-trace-header.ts';
import { amznTraceHeader, messyText, untidyRendering } from './test-arbitraries.ts';

const ROOT = 'Root=1-58337262-36d228ad5d99923122bbe354';
const ID = '5833726236d228ad5d99923122bbe354';
const SELF = 'Self=1-67891233-12456789abcdef012345678';

/** Headers as clients write them, alongside what Tinsel parses them to. */
const untidyHeaders = amznTraceHeader.chain((h) => fc.tuple(fc.constant(h), untidyRendering(h)));

describe('traceIdFromAmznTraceField', () => {
  it('reads the Root that ALB writes alone', () => {
    assert.equal(traceIdFromAmznTraceField(ROOT), ID);
    assert.equal(traceIdFromAmznTraceField(`${ROOT};Sampled=1`), ID);
  });

  it('finds Root after Self and among custom fields', () => {
    assert.equal(traceIdFromAmznTraceField(`${SELF};${ROOT};CalledFrom=app`), ID);
    assert.equal(traceIdFromAmznTraceField(`CalledFrom=app; root = 1-58337262-36D228AD5D99923122BBE354 `), ID);
  });

  it('lowers uppercase hex on the fast path too', () => {
    assert.equal(traceIdFromAmznTraceField(ROOT.toUpperCase().replace('ROOT', 'Root')), ID);
  });

  it('is null without a well-formed Root', () => {
    for (const field of ['', '-', SELF, 'Root=1-58337262-36d228ad5d99923122bbe35', 'Root=1-58337262-36d228ad5d99923122bbe35x;Self=x', 'Root=', 'Root']) {
      assert.equal(traceIdFromAmznTraceField(field), null, field);
    }
  });

  it('keeps a valid Root even when another field is malformed', () => {
    assert.equal(traceIdFromAmznTraceField(`${ROOT};Sampled=yes;junk`), ID);
  });

  it('takes the first Root when there are several', () => {
    assert.equal(traceIdFromAmznTraceField(`${ROOT};Root=1-67891233-abcdef012345678912345678`), ID);
    assert.equal(traceIdFromAmznTraceField(`Root=1-bad;${ROOT}`), null);
  });

  it('agrees with parseAmznTraceHeader on every header it accepts', () => {
    fc.assert(
      fc.property(untidyHeaders, ([h, text]) => {
        assert.equal(traceIdFromAmznTraceField(text), h.traceId);
      }),
    );
  });

  it('agrees with parseAmznTraceHeader on arbitrary text, and never throws', () => {
    fc.assert(
      fc.property(messyText, (s) => {
        const id = traceIdFromAmznTraceField(s);
        assert.ok(id === null || isCanonicalTraceId(id));
        const parsed = parseAmznTraceHeader(s);
        if (parsed.ok && !/^\s*x-amzn-trace-id\s*:/i.test(s)) assert.equal(id, parsed.value.traceId);
      }),
    );
  });
});

describe('amznTraceFieldRemainder', () => {
  it('is null when Root is all there is', () => {
    assert.equal(amznTraceFieldRemainder(ROOT), null);
    assert.equal(amznTraceFieldRemainder(`${ROOT};`), null);
    assert.equal(amznTraceFieldRemainder(` root=1-58337262-36d228ad5d99923122bbe354 ; `), null);
  });

  it('drops Root and keeps the other fields as written', () => {
    assert.equal(amznTraceFieldRemainder(`${SELF};${ROOT};CalledFrom=app`), `${SELF};CalledFrom=app`);
    assert.equal(amznTraceFieldRemainder(`${SELF};${ROOT}`), SELF);
    assert.equal(amznTraceFieldRemainder(`${ROOT};Sampled=1`), 'Sampled=1');
  });

  it('keeps the whole field when there is no usable Root, so nothing is lost', () => {
    assert.equal(amznTraceFieldRemainder(SELF), SELF);
    assert.equal(amznTraceFieldRemainder('Root=1-bad;Sampled=1'), 'Root=1-bad;Sampled=1');
    assert.equal(amznTraceFieldRemainder(''), null);
  });

  it('keeps every field but Root, for every header', () => {
    fc.assert(
      fc.property(untidyHeaders, ([h, text]) => {
        const rest = amznTraceFieldRemainder(text);
        const withoutRoot = { ...h, root: null, traceId: null };
        if (rest === null) {
          assert.deepEqual(withoutRoot, { ...withoutRoot, parent: null, sampled: null, self: null, lineage: null, extra: [] });
        } else {
          assert.deepEqual(parseAmznTraceHeader(rest), { ok: true, value: withoutRoot });
        }
      }),
    );
  });

  it('never throws', () => {
    fc.assert(fc.property(messyText, (s) => void amznTraceFieldRemainder(s)));
  });
});
