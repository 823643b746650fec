import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeSeqJsonBatch } from './decode-seq-json-batch.ts';

const options = { source: 'seq-clef' };

describe('decodeSeqJsonBatch', () => {
  it('maps seq-logging events onto CLEF and renders their templates', () => {
    const body = JSON.stringify({
      Events: [
        {
          Timestamp: '2024-03-01T10:15:30.123Z',
          Level: 'Warning',
          MessageTemplate: 'Order {OrderId} for {@Customer}',
          Exception: 'Error: x\n    at y',
          TraceId: '5759e988bd862e3fe1be46a994272793',
          SpanId: '53995c3f42cd8ad8',
          Properties: { OrderId: 7, Customer: { Name: 'Ada' }, '@odd': 1 },
        },
      ],
    });
    const decoded = decodeSeqJsonBatch(body, options);
    assert.ok(decoded.ok);
    const [row] = decoded.value.records;
    assert.equal(row?.level, 'warn');
    assert.equal(row?.message, 'Order 7 for { Name: "Ada" }');
    assert.equal(row?.exception, 'Error: x\n    at y');
    assert.equal(row?.trace_id, '5759e988bd862e3fe1be46a994272793');
    assert.equal(row?.span_id, '53995c3f42cd8ad8');
    assert.deepEqual(JSON.parse(row?.properties ?? ''), { OrderId: 7, Customer: { Name: 'Ada' }, '@odd': 1 });
  });

  it('rejects bad events by index and fails a body that is not a batch', () => {
    const decoded = decodeSeqJsonBatch('{"Events":[{"Timestamp":"2024-03-01T10:15:30Z"},{"Level":"Error"},{"Timestamp":"2024-03-01T10:15:30Z","Properties":[1]},3]}', options);
    assert.ok(decoded.ok);
    assert.equal(decoded.value.records.length, 1);
    assert.deepEqual(decoded.value.rejected.map((r) => r.position), [2, 3, 4]);
    assert.equal(decodeSeqJsonBatch('{"events":[]}', options).ok, false);
    assert.equal(decodeSeqJsonBatch('nope', options).ok, false);
  });
});
