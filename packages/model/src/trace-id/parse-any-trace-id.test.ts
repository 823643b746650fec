import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseAnyTraceId, type TraceIdForm } from './parse-any-trace-id.ts';
import { canonicalId, messyText, spanId } from './test-arbitraries.ts';

const NOW = Date.UTC(2024, 5, 1);
const ID = '5759e988bd862e3fe1be46a994272793';
const EPOCH = 1_465_510_280; // 0x5759e988, June 2016
const XRAY = '1-5759e988-bd862e3fe1be46a994272793';

function expectId(input: string, form: TraceIdForm, traceId = ID, epochSecond: number | null = EPOCH): void {
  assert.deepEqual(parseAnyTraceId(input, NOW), { ok: true, value: { traceId, form, epochSecond } }, input);
}

function reasonOf(input: string): string {
  const r = parseAnyTraceId(input, NOW);
  assert.equal(r.ok, false, `expected ${JSON.stringify(input)} to be refused`);
  return r.ok ? '' : r.reason;
}

/** Every way a user might paste the id `id` into the search box. */
function pastedForms(id: string, span: string): Array<[string, TraceIdForm]> {
  const xray = `1-${id.slice(0, 8)}-${id.slice(8)}`;
  return [
    [xray, 'xray'],
    [` "${xray.toUpperCase()}" `, 'xray'],
    [id, 'hex'],
    [`'${id.toUpperCase()}'`, 'hex'],
    [`Root=${xray}`, 'amzn-header'],
    [`X-Amzn-Trace-Id: Self=${xray};Root=${xray};Parent=${span};Sampled=1;CalledFrom=app`, 'amzn-header'],
    [`x-amzn-trace-id:sampled=0;root=${xray.toUpperCase()}`, 'amzn-header'],
    [`00-${id}-${span}-01`, 'traceparent'],
    [`traceparent: 00-${id}-${span}-00`, 'traceparent'],
    [`\`Traceparent:00-${id.toUpperCase()}-${span}-01\``, 'traceparent'],
  ];
}

describe('parseAnyTraceId', () => {
  it('recognises each form a user may paste', () => {
    for (const [input, form] of pastedForms(ID, '53995c3f42cd8ad8')) expectId(input, form);
  });

  it('finds the same canonical id in every form of any id', () => {
    fc.assert(
      fc.property(canonicalId, spanId, (id, span) => {
        for (const [input, form] of pastedForms(id, span)) {
          const r = parseAnyTraceId(input, NOW);
          assert.ok(r.ok, `${input}: ${r.ok ? '' : r.reason}`);
          assert.equal(r.value.traceId, id);
          assert.equal(r.value.form, form);
        }
      }),
    );
  });

  it('gives an epoch only when the id could hold a start time', () => {
    expectId('0af7651916cd43dd8448eb211c80319c', 'hex', '0af7651916cd43dd8448eb211c80319c', null);
    expectId('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', 'traceparent', '0af7651916cd43dd8448eb211c80319c', null);
    expectId('1-f1e2d3c4-b5a6978812345678abcdef01', 'xray', 'f1e2d3c4b5a6978812345678abcdef01', null);
    expectId(ID, 'hex');
  });

  it('refuses empty input and text that is no trace id', () => {
    assert.match(reasonOf('  ""  '), /empty/);
    assert.match(reasonOf('hello world'), /not a trace id: "hello world"; expected an X-Ray id/);
  });

  it('passes on the reason of the form it recognised', () => {
    assert.match(reasonOf('1-5759e988-bd86'), /X-Ray trace id must be 35 characters/);
    assert.match(reasonOf('5759e988bd86'), /32 hex digits, got 12/);
    assert.match(reasonOf(`${ID.slice(1)}g`), /non-hex character "g"/);
    assert.match(reasonOf(`00-${'0'.repeat(32)}-53995c3f42cd8ad8-01`), /trace id must not be all zeros/);
    assert.match(reasonOf('Root=1-5759e988;Sampled=1'), /Root is malformed/);
    assert.match(reasonOf('Self=1-67891233-12456789abcdef012345678'), /has no Root/);
    assert.match(reasonOf(`traceparent: ${XRAY}`), /traceparent/);
  });

  it('never throws, and every failure has a reason', () => {
    fc.assert(
      fc.property(messyText, (s) => {
        const r = parseAnyTraceId(s, NOW);
        assert.ok(r.ok || r.reason.length > 0);
      }),
    );
  });
});
