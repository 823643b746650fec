// Bodies produced by OpenTelemetry JS's own OTLP serializers (the code every
// Node exporter runs), decoded by Tinsel: proof that the schema and the JSON
// reader agree with a real sender, not only with each other.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { decodeOtlpTraces } from './decode-otlp-traces.ts';

type ReadableSpans = Parameters<typeof ProtobufTraceSerializer.serializeRequest>[0];

const resource = {
  attributes: { 'service.name': 'cart', 'host.name': 'web-1', 'cloud.platform': 'aws_ec2' },
};
const scope = { name: '@opentelemetry/instrumentation-http', version: '0.57.0' };
const traceId = '5759e988bd862e3fe1be46a994272793';

// The fields of the SDK's ReadableSpan that the serializers read. SpanKind
// and status codes are the API's numbers (SERVER = 1, CLIENT = 2, ERROR = 2).
function sdkSpan(fields: Record<string, unknown>): ReadableSpans[number] {
  const { spanId, parentSpanId, ...rest } = fields;
  return {
    spanContext: () => ({ traceId, spanId, traceFlags: 1 }),
    parentSpanContext: parentSpanId ? { traceId, spanId: parentSpanId, traceFlags: 1, isRemote: true } : undefined,
    attributes: {},
    links: [],
    events: [],
    status: { code: 0 },
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
    resource,
    instrumentationScope: scope,
    ended: true,
    duration: [0, 0],
    ...rest,
  } as unknown as ReadableSpans[number];
}

const spans: ReadableSpans = [
  sdkSpan({
    spanId: '53995c3f42cd8ad8',
    name: 'POST /cart',
    kind: 1,
    startTime: [1767225600, 123456789],
    endTime: [1767225600, 623456789],
    attributes: {
      'http.request.method': 'POST',
      'url.full': 'https://shop.example/cart',
      'http.response.status_code': 500,
      ratio: 0.25,
      tags: ['a', 'b'],
      digest: new Uint8Array([0xde, 0xad, 0xbe, 0xef]),
    },
    events: [
      {
        name: 'exception',
        time: [1767225600, 600000000],
        attributes: { 'exception.type': 'Error', 'exception.message': 'boom', 'exception.stacktrace': 'Error: boom\n    at x' },
      },
      { name: 'cache.miss', time: [1767225600, 200000000], attributes: { key: 'cart:7' } },
    ],
    status: { code: 2, message: 'boom' },
  }),
  sdkSpan({
    spanId: '53995c3f42cd8ad9',
    parentSpanId: '53995c3f42cd8ad8',
    name: 'SELECT cart',
    kind: 2,
    startTime: [1767225600, 200000000],
    endTime: [1767225600, 210000001],
    attributes: { 'db.system.name': 'postgresql', 'db.query.text': 'SELECT * FROM cart WHERE id = $1', 'server.address': 'db1' },
    links: [{ context: { traceId: '0102030405060708090a0b0c0d0e0f10', spanId: '1112131415161718', traceFlags: 1 }, attributes: {} }],
  }),
];

function decodeBoth() {
  const protobuf = ProtobufTraceSerializer.serializeRequest(spans);
  const json = JsonTraceSerializer.serializeRequest(spans);
  assert.ok(protobuf && json);
  const fromProtobuf = decodeOtlpTraces(Buffer.from(protobuf), 'protobuf');
  const fromJson = decodeOtlpTraces(Buffer.from(json), 'json');
  assert.ok(fromProtobuf.ok, !fromProtobuf.ok ? fromProtobuf.reason : '');
  assert.ok(fromJson.ok, !fromJson.ok ? fromJson.reason : '');
  return { fromProtobuf: fromProtobuf.value, fromJson: fromJson.value };
}

describe('decodeOtlpTraces with OpenTelemetry JS serializers', () => {
  it('decodes the protobuf and the JSON serializer output to the same rows', () => {
    const { fromProtobuf, fromJson } = decodeBoth();
    assert.deepEqual(fromProtobuf, fromJson);
    assert.equal(fromProtobuf.spans.length, 2);
    assert.deepEqual(fromProtobuf.rejected, []);
  });

  it('maps the server span column by column', () => {
    const [server] = decodeBoth().fromProtobuf.spans;
    assert.ok(server);
    assert.equal(server.trace_id, traceId);
    assert.equal(server.span_id, '53995c3f42cd8ad8');
    assert.equal(server.parent_span_id, null);
    assert.equal(server.service, 'cart');
    assert.equal(server.kind, 'server');
    assert.equal(server.start_time, 1767225600123456);
    assert.equal(server.end_time, 1767225600623456);
    assert.equal(server.duration_ms, 500);
    assert.equal(server.status, 'fault');
    assert.equal(server.http_method, 'POST');
    assert.equal(server.http_url, 'https://shop.example/cart');
    assert.equal(server.http_status, 500);
    assert.equal(server.host, 'web-1');
    assert.equal(server.origin, 'AWS::EC2::Instance');
    assert.deepEqual(JSON.parse(server.exceptions!), [{ type: 'Error', message: 'boom', stack: 'Error: boom\n    at x' }]);
    const attributes = JSON.parse(server.attributes!);
    assert.deepEqual(attributes.tags, ['a', 'b']);
    assert.equal(attributes.ratio, 0.25);
    assert.equal(attributes.digest, '3q2+7w==');
    assert.equal(attributes['otel.status_description'], 'boom');
    assert.deepEqual(attributes['otel.events'], [{ name: 'cache.miss', time: 1767225600200000, attributes: { key: 'cart:7' } }]);
  });

  it('maps the database client span with its parent and link', () => {
    const [, db] = decodeBoth().fromProtobuf.spans;
    assert.ok(db);
    assert.equal(db.parent_span_id, '53995c3f42cd8ad8');
    assert.equal(db.kind, 'client');
    assert.equal(db.duration_ms, 10);
    assert.equal(db.sql_query, 'SELECT * FROM cart WHERE id = $1');
    assert.equal(db.db_server, 'db1');
    assert.deepEqual(JSON.parse(db.attributes!)['otel.links'], [
      { trace_id: '0102030405060708090a0b0c0d0e0f10', span_id: '1112131415161718' },
    ]);
  });
});
