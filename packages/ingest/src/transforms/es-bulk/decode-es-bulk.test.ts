import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeEsBulk, type EsBulkOptions } from './decode-es-bulk.ts';
import { encodeEsBulkResponse } from './encode-es-bulk-response.ts';

const options: EsBulkOptions = { defaultIndex: null, receivedAt: 1_000_000, idPrefix: 'p-' };

function refusal(body: string, opts: EsBulkOptions = options) {
  const outcome = decodeEsBulk(body, opts);
  assert.equal(outcome.ok, false, 'expected the whole request to be refused');
  return outcome.ok ? null : outcome.error;
}

describe('decodeEsBulk', () => {
  it('takes the index from the URL when the action names none, and the action’s own over it', () => {
    const outcome = decodeEsBulk('{"index":{}}\n{"message":"a"}\n{"create":{"_index":"own"}}\n{"message":"b"}\n', { ...options, defaultIndex: 'from-url' });
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.value.items.map((i) => i.index), ['from-url', 'own']);
  });

  it('refuses a body whose action names no index when the URL names none either', () => {
    assert.deepEqual(refusal('{"index":{}}\n{"message":"a"}\n'), { type: 'action_request_validation_exception', reason: 'Validation Failed: 1: index is missing;' });
  });

  it('refuses an empty body as Elasticsearch does', () => {
    assert.equal(refusal('')?.reason, 'Validation Failed: 1: no requests added;');
    assert.equal(refusal('\n\n  \n')?.type, 'action_request_validation_exception');
  });

  it('refuses an unknown action or a line that is not an action, naming the line', () => {
    assert.equal(refusal('{"index":{"_index":"a"}}\n{}\n{"upsert":{}}\n')?.reason, 'Malformed action/metadata line [3], expected field [create], [delete], [index] or [update] but found [upsert]');
    assert.match(refusal('not json\n')?.reason ?? '', /^Malformed action\/metadata line \[1\], expected a JSON object/);
    assert.match(refusal('{"index":"logs"}\n{}\n')?.reason ?? '', /expected START_OBJECT after \[index\]/);
    assert.match(refusal('{"index":{"_index":7}}\n{}\n')?.reason ?? '', /\[_index\] must be a non-empty string/);
  });

  it('reads CRLF lines, a last line without its newline, and ignores blank lines between actions', () => {
    const outcome = decodeEsBulk('{"index":{"_index":"a"}}\r\n{"message":"one"}\r\n\r\n{"index":{"_index":"a"}}\n{"message":"two"}', options);
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.value.records.map((r) => r.message), ['one', 'two']);
  });

  it('gives each document without an _id a distinct generated one, and keeps a given one', () => {
    const body = '{"index":{"_index":"a"}}\n{}\n{"index":{"_index":"a","_id":42}}\n{}\n{"index":{"_index":"a"}}\n{}\n';
    const outcome = decodeEsBulk(body, options);
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.value.items.map((i) => i.id), ['p-00000000', '42', 'p-00000002']);
  });

  it('consumes the partial document of an update, so the next action is read as one', () => {
    const outcome = decodeEsBulk('{"update":{"_index":"a","_id":"1"}}\n{"doc":{"index":{}}}\n{"index":{"_index":"a"}}\n{"message":"after"}\n', options);
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.value.items.map((i) => [i.action, i.status]), [['update', 400], ['index', 201]]);
    assert.equal(outcome.value.unsupported, 1);
    assert.deepEqual(outcome.value.rejected, []);
  });

  it('dead-letters a refused document with its line number and text', () => {
    const outcome = decodeEsBulk('{"index":{"_index":"a"}}\n{"message":"ok"}\n{"index":{"_index":"a"}}\n"just a string"\n', options);
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.value.rejected, [{ position: 4, reason: 'failed to parse: the document is not a JSON object', raw: '"just a string"' }]);
  });
});

describe('encodeEsBulkResponse', () => {
  it('writes valid JSON with one single-key item per action and errors true when one failed', () => {
    const outcome = decodeEsBulk('{"index":{"_index":"a\\"b"}}\n{}\n{"delete":{"_index":"a","_id":"x"}}\n', options);
    assert.ok(outcome.ok);
    let seq = 5;
    const answer = JSON.parse(encodeEsBulkResponse(outcome.value.items, 2.6, () => seq++));
    assert.equal(answer.took, 3);
    assert.equal(answer.errors, true);
    assert.deepEqual(answer.items[0], {
      index: { _index: 'a"b', _id: 'p-00000000', _version: 1, result: 'created', _shards: { total: 1, successful: 1, failed: 0 }, _seq_no: 5, _primary_term: 1, status: 201 },
    });
    assert.equal(answer.items[1].delete.status, 400);
    assert.equal(answer.items[1].delete.error.type, 'illegal_argument_exception');
  });

  it('says errors false when every item was stored', () => {
    const outcome = decodeEsBulk('{"create":{"_index":"a"}}\n{}\n', options);
    assert.ok(outcome.ok);
    assert.equal(JSON.parse(encodeEsBulkResponse(outcome.value.items, 0, () => 0)).errors, false);
  });
});
