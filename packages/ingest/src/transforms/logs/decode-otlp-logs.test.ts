import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { decodeOtlpLogs } from './decode-otlp-logs.ts';
import { encodeOtlpLogsResponse } from './encode-otlp-logs-response.ts';
import { otlpLogsProto } from './otlp-logs-proto.ts';

// The OTLP project's own example request, beside the repository.
const sample = readFileSync(new URL('../../../../../../shared/samples/otlp/logs.json', import.meta.url));
const options = { source: 'otlp', receivedAt: 1_700_000_000_000_000 };

/** The same request as protobuf bytes: hex ids become bytes. */
function asProtobuf(json: unknown): Buffer {
  const convert = (value: unknown, key: string): unknown => {
    if ((key === 'traceId' || key === 'spanId') && typeof value === 'string') return Buffer.from(value, 'hex');
    if (Array.isArray(value)) return value.map((v) => convert(v, ''));
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v, k)]));
  };
  const message = otlpLogsProto.request.fromObject(convert(json, '') as Record<string, unknown>);
  return Buffer.from(otlpLogsProto.request.encode(message).finish());
}

describe('decodeOtlpLogs', () => {
  it('decodes the OTLP example request', () => {
    const decoded = decodeOtlpLogs(sample, 'json', options);
    assert.ok(decoded.ok);
    assert.equal(decoded.value.rejected.length, 0);
    const [row] = decoded.value.records;
    assert.equal(row?.timestamp, 1544712660300000);
    assert.equal(row?.level, 'info');
    assert.equal(row?.message, 'Example log record');
    assert.equal(row?.trace_id, '5b8efff798038103d269b633813fc60c');
    assert.equal(row?.span_id, 'eee19b7ec3c1b174');
    assert.equal(row?.service, 'my.service');
    const properties = JSON.parse(row?.properties ?? '') as Record<string, unknown>;
    assert.equal(properties['string.attribute'], 'some string');
    assert.equal(properties['int.attribute'], 10);
    assert.deepEqual(properties.resource, { 'service.name': 'my.service' });
    assert.equal(properties['otel.scope.name'], 'my.library');
  });

  it('decodes the same request sent as protobuf to the same rows', () => {
    const json = decodeOtlpLogs(sample, 'json', options);
    const protobuf = decodeOtlpLogs(asProtobuf(JSON.parse(sample.toString('utf8'))), 'protobuf', options);
    assert.ok(json.ok && protobuf.ok);
    assert.deepEqual(protobuf.value, json.value);
  });

  it('rejects bad records on their own and fails bodies that are not requests', () => {
    const body = {
      resourceLogs: [{ scopeLogs: [{ logRecords: [
        { timeUnixNano: '1544712660300000000', body: { stringValue: 'fine' }, severityNumber: 17, attributes: [{ key: 'exception.type', value: { stringValue: 'TypeError' } }, { key: 'exception.message', value: { stringValue: 'x is undefined' } }] },
        { timeUnixNano: 'soon' },
        { traceId: 'xyz' },
        { severityNumber: 'ERROR' },
        { severityNumber: 'SEVERITY_NUMBER_WARN2', body: { stringValue: 'named severity' } },
        { observedTimeUnixNano: '1544712660300000000', body: { kvlistValue: { values: [{ key: 'event', value: { stringValue: 'login' } }] } }, attributes: [{ key: 'TraceId', value: { stringValue: '1-5759e988-bd862e3fe1be46a994272793' } }] },
      ] }] }],
    };
    const decoded = decodeOtlpLogs(Buffer.from(JSON.stringify(body)), 'json', options);
    assert.ok(decoded.ok);
    assert.deepEqual(decoded.value.rejected.map((r) => r.position), [2, 3, 4]);
    const [first, named, last] = decoded.value.records;
    assert.equal(named?.level, 'warn');
    assert.equal(first?.level, 'error');
    assert.equal(first?.exception, 'TypeError: x is undefined');
    assert.equal(last?.message, '{"event":"login"}');
    assert.equal(last?.trace_id, '5759e988bd862e3fe1be46a994272793');
    assert.equal(last?.timestamp, 1544712660300000);
    for (const bad of ['not json', '{"resourceLogs":{}}', '{"resourceLogs":[{"scopeLogs":[{"logRecords":3}]}]}']) {
      assert.equal(decodeOtlpLogs(Buffer.from(bad), 'json', options).ok, false, bad);
    }
    assert.equal(decodeOtlpLogs(Buffer.from([0x0a, 0x05]), 'protobuf', options).ok, false);
    assert.deepEqual(decodeOtlpLogs(Buffer.alloc(0), 'protobuf', options), { ok: true, value: { records: [], rejected: [] } });
  });

  it('answers with a partial success naming the rejected count', () => {
    assert.equal(encodeOtlpLogsResponse(0, '', 'json'), '{}');
    assert.equal(encodeOtlpLogsResponse(2, 'log record 2: bad', 'json'), '{"partialSuccess":{"rejectedLogRecords":"2","errorMessage":"log record 2: bad"}}');
    const bytes = encodeOtlpLogsResponse(2, 'bad', 'protobuf') as Buffer;
    assert.deepEqual(otlpLogsProto.response.toObject(otlpLogsProto.response.decode(bytes), { longs: Number }), { partialSuccess: { rejectedLogRecords: 2, errorMessage: 'bad' } });
  });
});
