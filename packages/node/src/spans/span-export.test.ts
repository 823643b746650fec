import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeOtlpLogs, decodeOtlpTraces, normalizeXrayDocument } from '@tinsel/ingest';
import { toOtlpLogs, type LogEvent } from '../logs/log-event.ts';
import { toOtlpTraces } from './otlp-json.ts';
import type { SpanRecord } from './span.ts';
import { toXrayDocument } from './xray-document.ts';

const server: SpanRecord = {
  traceId: '5759e988bd862e3fe1be46a994272793', spanId: '53995c3f42cd8ad8', parentId: null, name: 'GET /orders/:id', kind: 'server',
  startTime: 1732600000.123456, endTime: 1732600000.223456, http: { method: 'GET', url: 'http://acme.shop.test/orders/1', status: 500, clientIp: '10.0.0.1' },
  error: false, fault: true, exception: { type: 'Error', message: 'boom', stack: 'Error: boom\n    at charge (/app/pay.js:3:9)' },
  annotations: { tenant: 'acme', route: '/orders/:id' }, metadata: { orderId: 'o-1' },
};
const client: SpanRecord = { ...server, spanId: 'a000000000000002', parentId: server.spanId, name: 'db.internal', kind: 'client', http: { method: 'GET', url: 'http://db.internal/q', status: 200 }, fault: false, exception: null, annotations: {}, metadata: {} };

describe('span export formats, read back by Tinsel’s own decoders', () => {
  it('X-Ray: a segment and an independent subsegment', () => {
    const segment = normalizeXrayDocument(JSON.stringify(toXrayDocument(server, 'shop')), 'xray-udp');
    assert.ok(segment.ok, segment.ok ? '' : segment.reason);
    const [span] = segment.value.spans as Array<Record<string, unknown>>;
    assert.equal(span!.trace_id, server.traceId);
    assert.equal(span!.service, 'shop');
    assert.equal(span!.status, 'fault');
    assert.equal(span!.http_status, 500);
    const sub = normalizeXrayDocument(JSON.stringify(toXrayDocument(client, 'shop')), 'xray-udp');
    assert.ok(sub.ok, sub.ok ? '' : sub.reason);
    assert.equal((sub.value.spans[0] as Record<string, unknown>).parent_span_id, server.spanId);
  });

  it('OTLP/HTTP JSON traces and logs', () => {
    const traces = decodeOtlpTraces(Buffer.from(JSON.stringify(toOtlpTraces([server, client], 'shop'))), 'json');
    assert.ok(traces.ok, traces.ok ? '' : traces.reason);
    assert.equal(traces.value.spans.length, 2);
    assert.equal(traces.value.rejected.length, 0);
    const event: LogEvent = { timestamp: 1732600000123, level: 'error', message: 'Order o-1 failed', template: 'Order {OrderId} failed', exception: 'Error: boom', traceId: server.traceId, spanId: server.spanId, properties: { OrderId: 'o-1' } };
    const logs = decodeOtlpLogs(Buffer.from(JSON.stringify(toOtlpLogs([event], 'shop'))), 'json', { source: 'otlp' });
    assert.ok(logs.ok, logs.ok ? '' : logs.reason);
    const [row] = logs.value.records as Array<Record<string, unknown>>;
    assert.equal(row!.trace_id, server.traceId);
    assert.equal(row!.level, 'error');
  });
});
