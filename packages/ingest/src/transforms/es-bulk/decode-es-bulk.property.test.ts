import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeEsBulk, type EsBulkOutcome } from './decode-es-bulk.ts';
import { encodeEsBulkResponse } from './encode-es-bulk-response.ts';

const options = { defaultIndex: 'url-index', receivedAt: 1_795_666_800_000_000, idPrefix: 'prop-' };

/** What holds for every outcome: a refusal explains itself; an answer accounts for every item. */
function checkOutcome(outcome: EsBulkOutcome): void {
  if (!outcome.ok) {
    assert.ok(outcome.error.type.length > 0 && outcome.error.reason.length > 0);
    return;
  }
  const { items, records, rejected } = outcome.value;
  assert.ok(items.length > 0);
  assert.equal(items.filter((i) => i.status === 201).length, records.length);
  assert.ok(items.every((i) => (i.status === 201) === (i.error === null)));
  assert.ok(rejected.length <= items.length - records.length);
  for (const record of records) {
    assert.ok(Number.isSafeInteger(record.timestamp) && record.timestamp >= 0);
    assert.ok(['trace', 'debug', 'info', 'warn', 'error', 'fatal'].includes(record.level));
    if (record.properties !== null) JSON.parse(record.properties);
    if (record.trace_id !== null) assert.match(record.trace_id, /^[0-9a-f]{32}$/);
  }
  const answer = JSON.parse(encodeEsBulkResponse(items, 1, () => 0)) as { items: object[]; errors: boolean };
  assert.equal(answer.items.length, items.length);
  assert.equal(answer.errors, items.some((i) => i.error !== null));
}

const action = fc.record(
  {
    verb: fc.constantFrom('index', 'create', 'update', 'delete', 'upsert'),
    meta: fc.record({ _index: fc.oneof(fc.string(), fc.constant(undefined)), _id: fc.oneof(fc.string(), fc.integer(), fc.constant(undefined)), _type: fc.constant('_doc') }, { requiredKeys: [] }),
  },
).map(({ verb, meta }) => JSON.stringify({ [verb]: meta }));

const documentValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.constantFrom('2026-11-26T04:21:00Z', '2026-02-30T00:00:00Z', 1795666860123, -1, 'Information', '5759e988bd862e3fe1be46a994272793', '1-5759e988-bd862e3fe1be46a994272793'),
  fc.jsonValue({ maxDepth: 3 }),
);
const documentKey = fc.constantFrom('@timestamp', 'timestamp', 'level', 'log.level', 'severity', 'message', 'msg', 'log', 'messageTemplate', 'fields', 'exceptions', 'exception', 'error', 'trace', 'trace.id', 'span.id', 'service', 'host', 'kubernetes', 'TraceId', 'stack');
const documentLine = fc.oneof(
  fc.dictionary(documentKey, documentValue, { maxKeys: 8 }).map((doc) => JSON.stringify(doc)),
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
  fc.string(),
);

describe('decodeEsBulk properties', () => {
  it('never throws on arbitrary text, and every outcome accounts for itself', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (body) => checkOutcome(decodeEsBulk(body, options))), { numRuns: 2000 });
  });

  it('never throws on bodies of plausible action and document lines in any order', () => {
    const lines = fc.array(fc.oneof(action, documentLine, fc.constantFrom('', '\r', ' ')), { maxLength: 30 });
    const body = fc.tuple(lines, fc.constantFrom('\n', '\r\n')).map(([parts, separator]) => parts.join(separator));
    fc.assert(fc.property(body, (text) => checkOutcome(decodeEsBulk(text, options))), { numRuns: 1000 });
  });

  it('answers one item per action when every action line is well formed', () => {
    const pair = fc.tuple(fc.constantFrom('index', 'create'), documentLine).map(([verb, doc]) => `{"${verb}":{}}\n${doc.replace(/[\r\n]/g, ' ')}\n`);
    fc.assert(
      fc.property(fc.array(pair, { minLength: 1, maxLength: 20 }), (pairs) => {
        const outcome = decodeEsBulk(pairs.join(''), options);
        assert.ok(outcome.ok);
        assert.equal(outcome.value.items.length, pairs.length);
        checkOutcome(outcome);
      }),
      { numRuns: 500 },
    );
  });
});
