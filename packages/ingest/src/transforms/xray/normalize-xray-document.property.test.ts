import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Result } from '@tinsel/model';
import { normalizeXrayDocument } from './normalize-xray-document.ts';
import { parseXrayDatagram } from './parse-xray-datagram.ts';

const NOW = Date.UTC(2025, 0, 1);
const BASE_SECONDS = 1_735_000_000;

function isWellFormed(result: Result<unknown>): boolean {
  return result.ok ? true : typeof result.reason === 'string' && result.reason.length > 0;
}

const hex = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });
const traceId = fc.tuple(hex(8), hex(24)).map(([epoch, random]) => `1-${epoch}-${random}`).filter((id) => /[1-9a-f]/.test(id.slice(2)));

/** A valid segment tree; ids are given after generation so that they are unique. */
interface TreeNode {
  name: string;
  offset: number;
  length: number;
  inProgress: boolean;
  namespace: string | undefined;
  children: readonly TreeNode[];
}

const nodeFields = {
  name: fc.string({ minLength: 1, maxLength: 8 }),
  offset: fc.integer({ min: 0, max: 10_000_000 }),
  length: fc.integer({ min: 0, max: 10_000_000 }),
  inProgress: fc.boolean(),
  namespace: fc.constantFrom(undefined, 'aws', 'remote', 'local'),
};
const tree = fc.letrec<{ node: TreeNode }>((tie) => ({
  node: fc.record({
    ...nodeFields,
    children: fc.oneof({ maxDepth: 6, depthIdentifier: 'tree' }, fc.constant<TreeNode[]>([]), fc.array(tie('node'), { maxLength: 4, depthIdentifier: 'tree' })),
  }),
})).node;

/** The document for a tree, and the [id, parent id] pairs it must produce, in document order. */
function toDocument(root: TreeNode, trace: string, parentId: string | null): { document: Record<string, unknown>; pairs: [string, string | null][] } {
  const pairs: [string, string | null][] = [];
  let next = 1;
  const build = (node: TreeNode, parent: string | null): Record<string, unknown> => {
    const id = (next++).toString(16).padStart(16, '0');
    pairs.push([id, parent]);
    const start = BASE_SECONDS + node.offset / 1e6;
    const out: Record<string, unknown> = { id, name: node.name, start_time: start, namespace: node.namespace };
    if (node.inProgress) out['in_progress'] = true;
    else out['end_time'] = start + node.length / 1e6;
    if (node.children.length > 0) out['subsegments'] = node.children.map((child) => build(child, id));
    return out;
  };
  const document = { ...build(root, parentId), trace_id: trace, ...(parentId === null ? {} : { parent_id: parentId }) };
  return { document, pairs };
}

// Known fields given any JSON value, on top of a valid segment: reaches the
// readers of every block with shapes nobody planned for.
const KNOWN_FIELDS = ['http', 'aws', 'sql', 'cause', 'annotations', 'metadata', 'service', 'origin', 'user', 'namespace', 'error', 'fault', 'throttle', 'in_progress', 'end_time', 'subsegments', 'parent_id', 'type', 'precursor_ids'];
const fuzzedSegment = fc.record(Object.fromEntries(KNOWN_FIELDS.map((k) => [k, fc.jsonValue({ maxDepth: 4 })])), { requiredKeys: [] });

describe('normalizeXrayDocument properties', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => isWellFormed(normalizeXrayDocument(text, 'xray-udp', NOW))));
  });

  it('never throws on arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => isWellFormed(normalizeXrayDocument(JSON.stringify(value) ?? 'null', 'xray-api', NOW))));
  });

  it('never throws on a valid segment whose known fields hold arbitrary JSON', () => {
    const base = { trace_id: '1-5759e988-bd862e3fe1be46a994272793', id: 'defdfd9912dc5a56', name: 'a', start_time: BASE_SECONDS, end_time: BASE_SECONDS + 1 };
    fc.assert(
      fc.property(fuzzedSegment, (fields) => isWellFormed(normalizeXrayDocument(JSON.stringify({ ...base, ...fields }), 'xray-api', NOW))),
      { numRuns: 500 },
    );
  });

  it('flattens a valid tree to one span per node, each parent a span of the same trace or the segment parent_id', () => {
    fc.assert(
      fc.property(tree, traceId, fc.option(hex(16), { nil: null }), (root, trace, parentId) => {
        const { document, pairs } = toDocument(root, trace, parentId);
        const result = normalizeXrayDocument(JSON.stringify(document), 'xray-udp', NOW);
        if (!result.ok) return assert.fail(result.reason);
        const spans = result.value.spans;
        assert.equal(spans.length, pairs.length);
        const ids = new Set(spans.map((s) => s.span_id));
        for (const span of spans) {
          assert.equal(span.trace_id, trace.slice(2, 10) + trace.slice(11));
          assert.ok(span.parent_span_id === parentId || ids.has(span.parent_span_id ?? ''), `dangling parent ${span.parent_span_id}`);
        }
        assert.deepEqual(spans.map((s) => [s.span_id, s.parent_span_id]), pairs);
        assert.equal(spans.filter((s) => s.kind === 'server').length, 1);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseXrayDatagram properties', () => {
  it('never throws on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => isWellFormed(parseXrayDatagram(Buffer.from(bytes)))));
  });

  it('returns the document of any well-formed datagram unchanged', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''), (document) => {
        const result = parseXrayDatagram(Buffer.from(`{"format":"json","version":1}\n${document}`, 'utf8'));
        assert.deepEqual(result, { ok: true, value: Buffer.from(document, 'utf8').toString('utf8') });
      }),
    );
  });
});
