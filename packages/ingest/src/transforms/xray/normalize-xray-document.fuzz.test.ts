import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Result } from '@tinsel/model';
import { describeTally, fuzzCases } from '../fuzz-cases.ts';
import { deeplyNestedJson, mutatedSamples, readSamples } from '../fuzz-input.ts';
import { normalizeXrayDocument, type XraySpans } from './normalize-xray-document.ts';
import { parseXrayDatagram } from './parse-xray-datagram.ts';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/xray');
const SHARED = '/work/shared/samples/xray';
const HEADER = Buffer.from('{"format": "json", "version": 1}\n');
const NOW = 1_795_666_800_000;

const documents = [...readSamples(FIXTURES, /(?<!expected)\.json$/), ...readSamples(SHARED, /\.json$/), ...readSamples(FIXTURES, /\.jsonl$/).flatMap((f) => f.toString('utf8').split('\n').filter((l) => l !== '').map((l) => Buffer.from(l)))];
const datagrams = [...readSamples(FIXTURES, /\.udp\.txt$/), ...readSamples(SHARED, /\.udp\.txt$/), ...documents.map((d) => Buffer.concat([HEADER, d]))];

function checkRefusal(result: Result<unknown>): void {
  if (!result.ok) assert.ok(typeof result.reason === 'string' && result.reason.length > 0, 'a refusal carries a reason');
}

function checkDocument(text: string): void {
  const result: Result<XraySpans> = normalizeXrayDocument(text, 'xray-udp', NOW);
  checkRefusal(result);
  if (result.ok) for (const span of result.value.spans) assert.match(span.trace_id, /^[0-9a-f]{32}$/);
}

/** The path a UDP datagram takes: the header is checked, then the document is normalised. */
function checkDatagram(bytes: Buffer): void {
  const body = parseXrayDatagram(bytes);
  checkRefusal(body);
  if (body.ok) checkDocument(body.value);
}

// Objects with X-Ray's keys and values of every type, nested as subsegments.
const key = fc.constantFrom('name', 'id', 'trace_id', 'parent_id', 'start_time', 'end_time', 'in_progress', 'type', 'namespace', 'error', 'fault', 'throttle', 'cause', 'http', 'aws', 'sql', 'annotations', 'metadata', 'subsegments', 'exceptions', 'origin', 'service', 'user');
const value = fc.oneof(
  fc.constantFrom('1-581cf771-a006649127e371903a2de979', '70de5b6f19ff9a0a', 1478293361.271, 1478293361.449, true, 'subsegment', 'aws', 'remote', null, -1, 1e308),
  fc.jsonValue({ maxDepth: 1 }),
);
const { node } = fc.letrec<{ node: Record<string, unknown> }>((tie) => ({
  node: fc.dictionary(key, fc.oneof({ maxDepth: 3, depthSize: 'small' }, value, fc.array(tie('node'), { maxLength: 2 }), tie('node')), { maxKeys: 8 }),
}));

const RUNS = { arbitrary: 2_000, shaped: 2_000, mutatedDocuments: 4_000, mutatedDatagrams: 4_000 };
const TOTAL = RUNS.arbitrary + RUNS.shaped + RUNS.mutatedDocuments + RUNS.mutatedDatagrams;

describe(`X-Ray datagram and document decoding under fuzzing (${TOTAL} cases)`, () => {
  it(`never throws on arbitrary datagrams (${RUNS.arbitrary} cases)`, (t) => {
    const tally = fuzzCases(fc.tuple(fc.boolean(), fc.uint8Array({ maxLength: 800 })), RUNS.arbitrary, ([withHeader, bytes]) =>
      checkDatagram(Buffer.concat([withHeader ? HEADER : Buffer.alloc(0), Buffer.from(bytes)])),
    );
    t.diagnostic(describeTally(tally));
  });

  it(`never throws on documents of X-Ray-shaped fields (${RUNS.shaped} cases)`, (t) => {
    const tally = fuzzCases(node, RUNS.shaped, (doc) => checkDocument(JSON.stringify(doc)));
    t.diagnostic(describeTally(tally));
  });

  it('never throws on metadata, annotations and subsegments nested thousands deep (200 cases)', (t) => {
    const tally = fuzzCases(deeplyNestedJson, 200, (value) => {
      const subsegments = value.replaceAll('{"a":', '{"name":"n","id":"70de5b6f19ff9a0a","start_time":1478293361.3,"end_time":1478293361.4,"subsegments":').replaceAll('[', '[{"name":"m","id":"70de5b6f19ff9a0c","start_time":1478293361.3,"end_time":1478293361.4,"subsegments":[');
      checkDocument(`{"name":"s","id":"70de5b6f19ff9a0b","trace_id":"1-581cf771-a006649127e371903a2de979","start_time":1478293361.271,"end_time":1478293361.449,"metadata":{"default":${value}},"annotations":{"a":${value}},"subsegments":[${subsegments}]}`);
    });
    t.diagnostic(describeTally(tally));
  });

  it(`never throws on real documents mutated (${RUNS.mutatedDocuments} cases from ${documents.length} documents)`, (t) => {
    assert.ok(documents.length > 20);
    const tally = fuzzCases(mutatedSamples(documents), RUNS.mutatedDocuments, (bytes) => checkDocument(bytes.toString('utf8')));
    t.diagnostic(describeTally(tally));
  });

  it(`never throws on real datagrams mutated, header included (${RUNS.mutatedDatagrams} cases from ${datagrams.length} datagrams)`, (t) => {
    const tally = fuzzCases(mutatedSamples(datagrams), RUNS.mutatedDatagrams, checkDatagram);
    t.diagnostic(describeTally(tally));
  });
});
