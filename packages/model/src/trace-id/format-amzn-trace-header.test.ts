import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { AmznTraceHeader } from './amzn-trace-header.ts';
import { formatAmznTraceHeader } from './format-amzn-trace-header.ts';
import { parseAmznTraceHeader } from './parse-amzn-trace-header.ts';
import { amznTraceHeader } from './test-arbitraries.ts';

const SAMPLES = new URL('../../../../../shared/samples/x-amzn-trace-id.txt', import.meta.url);
const none: AmznTraceHeader = { root: null, traceId: null, parent: null, sampled: null, self: null, lineage: null, extra: [] };

describe('formatAmznTraceHeader', () => {
  it('writes Root, Parent, Sampled, Self, Lineage, then extra fields in their order', () => {
    const h: AmznTraceHeader = {
      extra: [['CalledFrom', 'app'], ['b', '2']],
      lineage: 'a87bd80c:1',
      self: '1-67891233-12456789abcdef012345678',
      sampled: '1',
      parent: '53995c3f42cd8ad8',
      traceId: '5759e988bd862e3fe1be46a994272793',
      root: '1-5759e988-bd862e3fe1be46a994272793',
    };
    assert.equal(
      formatAmznTraceHeader(h),
      'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1;' +
        'Self=1-67891233-12456789abcdef012345678;Lineage=a87bd80c:1;CalledFrom=app;b=2',
    );
  });

  it('writes Root from traceId when only the canonical id is known', () => {
    const h = { ...none, traceId: '5759e988bd862e3fe1be46a994272793', sampled: '0' as const };
    assert.equal(formatAmznTraceHeader(h), 'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=0');
  });

  it('leaves out absent fields', () => {
    assert.equal(formatAmznTraceHeader(none), '');
    assert.equal(formatAmznTraceHeader({ ...none, self: 'x' }), 'Self=x');
  });

  it('round-trips every AWS documentation example', () => {
    const lines = readFileSync(SAMPLES, 'utf8').split('\n').filter((l) => l.trim() !== '');
    for (const line of lines) {
      const parsed = parseAmznTraceHeader(line);
      assert.ok(parsed.ok, line);
      assert.deepEqual(parseAmznTraceHeader(formatAmznTraceHeader(parsed.value)), parsed, line);
    }
  });

  it('round-trips with parseAmznTraceHeader for every header', () => {
    fc.assert(
      fc.property(amznTraceHeader, (h) => {
        assert.deepEqual(parseAmznTraceHeader(formatAmznTraceHeader(h)), { ok: true, value: h });
      }),
    );
  });
});
