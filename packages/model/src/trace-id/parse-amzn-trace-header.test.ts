import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { AmznTraceHeader } from './amzn-trace-header.ts';
import { parseAmznTraceHeader } from './parse-amzn-trace-header.ts';
import { amznTraceHeader, messyText, untidyRendering } from './test-arbitraries.ts';

// The shared samples sit beside the repository: <root>/../shared/samples.
const SAMPLES = new URL('../../../../../shared/samples/x-amzn-trace-id.txt', import.meta.url);

const none: AmznTraceHeader = { root: null, traceId: null, parent: null, sampled: null, self: null, lineage: null, extra: [] };
const ALB_ROOT = { root: '1-67891233-abcdef012345678912345678', traceId: '67891233abcdef012345678912345678' };
const XRAY_ROOT = { root: '1-5759e988-bd862e3fe1be46a994272793', traceId: '5759e988bd862e3fe1be46a994272793' };
// AWS's Self examples have 23 hex digits after the second dash: kept as written.
const AWS_SELF_OLD = '1-63441c4a-12456789abcdef012345678';
const AWS_SELF = '1-67891233-12456789abcdef012345678';

/** What each line of x-amzn-trace-id.txt must parse to, in file order. */
const EXPECTED: AmznTraceHeader[] = [
  { ...none, root: '1-63441c4a-abcdef012345678912345678', traceId: '63441c4aabcdef012345678912345678' },
  { ...none, ...ALB_ROOT, self: AWS_SELF_OLD },
  { ...none, ...ALB_ROOT, self: AWS_SELF_OLD, extra: [['CalledFrom', 'app']] },
  { ...none, ...ALB_ROOT },
  { ...none, ...ALB_ROOT, self: AWS_SELF },
  { ...none, ...ALB_ROOT, self: AWS_SELF, extra: [['CalledFrom', 'app']] },
  { ...none, ...XRAY_ROOT, sampled: '1' },
  { ...none, ...XRAY_ROOT, parent: '53995c3f42cd8ad8', sampled: '1' },
  { ...none, ...XRAY_ROOT, sampled: '1', lineage: 'a87bd80c:1|68fd508a:5|c512fbe3:2' },
];

function reasonOf(header: string): string {
  const r = parseAmznTraceHeader(header);
  assert.equal(r.ok, false, `expected ${JSON.stringify(header)} to be refused`);
  return r.ok ? '' : r.reason;
}

describe('parseAmznTraceHeader', () => {
  it('parses every AWS documentation example in the shared samples', () => {
    const lines = readFileSync(SAMPLES, 'utf8').split('\n').filter((l) => l.trim() !== '');
    assert.equal(lines.length, EXPECTED.length);
    lines.forEach((line, i) => assert.deepEqual(parseAmznTraceHeader(line), { ok: true, value: EXPECTED[i] }, line));
  });

  it('takes keys in any order and case, trims whitespace and stray semicolons', () => {
    const r = parseAmznTraceHeader('  sampled = ? ;PARENT=53995C3F42CD8AD8 ; root=1-5759E988-BD862E3FE1BE46A994272793;; ');
    assert.deepEqual(r, { ok: true, value: { ...none, ...XRAY_ROOT, parent: '53995c3f42cd8ad8', sampled: '?' } });
  });

  it('tolerates the header name in any case', () => {
    const r = parseAmznTraceHeader('x-amzn-trace-id :Root=1-5759e988-bd862e3fe1be46a994272793');
    assert.deepEqual(r, { ok: true, value: { ...none, ...XRAY_ROOT } });
  });

  it('accepts a header without Root', () => {
    assert.deepEqual(parseAmznTraceHeader(`Self=${AWS_SELF}`), { ok: true, value: { ...none, self: AWS_SELF } });
  });

  it('keeps Self, Lineage and unknown fields as written, values may hold "="', () => {
    const r = parseAmznTraceHeader('Self=not-an-id;Lineage=opaque:1|x;Zeta=1;alpha=b=c;Zeta=2');
    const extra: Array<[string, string]> = [['Zeta', '1'], ['alpha', 'b=c'], ['Zeta', '2']];
    assert.deepEqual(r, { ok: true, value: { ...none, self: 'not-an-id', lineage: 'opaque:1|x', extra } });
  });

  it('refuses empty input', () => {
    for (const s of ['', '   ', ';;', 'X-Amzn-Trace-Id:']) assert.match(reasonOf(s), /empty/);
  });

  it('refuses a malformed Root, naming the key and the problem', () => {
    assert.match(reasonOf('Root=1-5759e988-bd86;Sampled=1'), /Root is malformed: .*35 characters/);
    assert.match(reasonOf('Root=2-5759e988-bd862e3fe1be46a994272793'), /Root is malformed: .*version/);
    assert.match(reasonOf('Root='), /Root is malformed/);
  });

  it('refuses a Parent that is not 16 hex digits, or all zeros', () => {
    assert.match(reasonOf('Parent=53995c3f42cd8ad'), /Parent must be 16 hex digits, got "53995c3f42cd8ad"/);
    assert.match(reasonOf('Parent=53995c3f42cd8adx'), /Parent must be 16 hex digits/);
    assert.match(reasonOf('Parent=0000000000000000'), /Parent must not be all zeros/);
  });

  it('refuses a Sampled other than 0, 1 or ?', () => {
    assert.match(reasonOf('Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=yes'), /Sampled must be 0, 1 or \?, got "yes"/);
    assert.match(reasonOf('Sampled='), /Sampled must be/);
  });

  it('refuses a field without "=" or without a key', () => {
    assert.match(reasonOf('Root=1-5759e988-bd862e3fe1be46a994272793;junk'), /field "junk" has no "="/);
    assert.match(reasonOf('=1'), /no key/);
  });

  it('refuses a known key given twice, since either value could be meant', () => {
    assert.match(reasonOf('Root=1-5759e988-bd862e3fe1be46a994272793;root=1-67891233-abcdef012345678912345678'), /more than one Root/);
    assert.match(reasonOf('Sampled=1;Sampled=0'), /more than one Sampled/);
  });

  it('reads back every header however untidily it is written', () => {
    fc.assert(
      fc.property(amznTraceHeader.chain((h) => fc.tuple(fc.constant(h), untidyRendering(h))), ([h, text]) => {
        assert.deepEqual(parseAmznTraceHeader(text), { ok: true, value: h });
      }),
    );
  });

  it('never throws, and every failure has a reason', () => {
    fc.assert(
      fc.property(messyText, (s) => {
        const r = parseAmznTraceHeader(s);
        assert.ok(r.ok || r.reason.length > 0);
      }),
    );
  });
});
