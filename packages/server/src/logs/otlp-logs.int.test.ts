// The OpenTelemetry logs SDK and exporters, unchanged, pointed at Tinsel; and
// a log written inside a traced request found beside that request's spans.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { context, trace } from '@opentelemetry/api';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { OTLPLogExporter as OtlpHttpJsonLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPLogExporter as OtlpProtoLogExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import pino from 'pino';
import { createStream } from 'pino-seq';
import { sql } from '@tinsel/store';
import { propertiesOf, startLogTestServer, type LogTestServer } from './log-test-server.ts';

describe('OTLP/HTTP logs from the OpenTelemetry SDK', () => {
  let server: LogTestServer;
  before(async () => {
    server = await startLogTestServer();
  });
  after(() => server.close());

  for (const [name, Exporter] of [['JSON', OtlpHttpJsonLogExporter], ['protobuf', OtlpProtoLogExporter]] as const) {
    it(`stores every log record sent as ${name} with level, message, attributes and trace id`, async () => {
      const failures: unknown[] = [];
      const exporter = new Exporter({ url: `${server.listeners.addresses.otlp}/v1/logs` });
      const original = exporter.export.bind(exporter);
      exporter.export = (logs, done) => original(logs, (result) => {
        if (result.code !== 0) failures.push(result.error);
        done(result);
      });
      const provider = new LoggerProvider({ resource: resourceFromAttributes({ 'service.name': `cart-${name}`, 'host.name': 'web-3' }), processors: [new BatchLogRecordProcessor({ exporter })] });
      const tracer = new NodeTracerProvider().getTracer('t');
      const span = tracer.startSpan('GET /cart');
      const logger = provider.getLogger('cart-logger');
      logger.emit({ severityNumber: SeverityNumber.WARN, severityText: 'WARN', body: `otel-${name} cart is slow`, attributes: { 'cart.id': 'c-1', items: 3, nested: { a: { b: 1 } } }, context: trace.setSpan(context.active(), span) });
      logger.emit({ severityNumber: SeverityNumber.ERROR, body: `otel-${name} payment failed`, attributes: { 'exception.type': 'TypeError', 'exception.message': 'x', 'exception.stacktrace': 'TypeError: x\n    at pay' } });
      logger.emit({ severityNumber: SeverityNumber.DEBUG2, body: { event: `otel-${name} structured`, n: 1 } });
      await provider.forceFlush();
      await provider.shutdown();
      span.end();
      assert.deepEqual(failures, []);
      const rows = await server.logsWith(`otel-${name}`);
      assert.equal(rows.length, 3);
      const slow = rows.find((r) => String(r.message).endsWith('slow'));
      assert.equal(slow?.level, 'warn');
      assert.equal(slow?.service, `cart-${name}`);
      assert.equal(slow?.host, 'web-3');
      assert.equal(slow?.trace_id, span.spanContext().traceId);
      assert.equal(slow?.span_id, span.spanContext().spanId);
      const properties = propertiesOf(slow);
      assert.equal(properties['cart.id'], 'c-1');
      assert.equal(properties.items, 3);
      assert.deepEqual(properties.nested, { a: { b: 1 } });
      assert.equal(properties['otel.scope.name'], 'cart-logger');
      const failed = rows.find((r) => String(r.message).endsWith('failed'));
      assert.equal(failed?.level, 'error');
      assert.equal(failed?.exception, 'TypeError: x\n    at pay');
      const structured = rows.find((r) => String(r.message).includes('structured'));
      assert.equal(structured?.level, 'debug');
      assert.deepEqual(propertiesOf(structured).body, { event: `otel-${name} structured`, n: 1 });
    });
  }

  it('answers a partial success for bad records and 400 for a body that does not decode', async () => {
    const url = `${server.listeners.addresses.otlp}/v1/logs`;
    const body = { resourceLogs: [{ scopeLogs: [{ logRecords: [{ body: { stringValue: 'otlp-partial ok' } }, { traceId: 'nope' }] }] }] };
    const partial = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal(partial.status, 200);
    const answer = (await partial.json()) as { partialSuccess: { rejectedLogRecords: string; errorMessage: string } };
    assert.equal(answer.partialSuccess.rejectedLogRecords, '1');
    assert.match(answer.partialSuccess.errorMessage, /record 2: trace id/);
    assert.equal((await server.logsWith('otlp-partial')).length, 1);
    const bad = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"resourceLogs":5}' });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { code: number }).code, 3);
    // The API port answers the same path.
    const viaApi = await fetch(`${server.listeners.addresses.api}/v1/logs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(viaApi.status, 200);
  });
});

describe('a log written inside a traced request', () => {
  let server: LogTestServer;
  before(async () => {
    server = await startLogTestServer();
  });
  after(() => server.close());

  it('carries the request trace id and is found by it beside the request spans', async () => {
    const tracerProvider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(new OTLPTraceExporter({ url: `${server.listeners.addresses.otlp}/v1/traces` }))] });
    const logExporter = new OtlpProtoLogExporter({ url: `${server.listeners.addresses.otlp}/v1/logs` });
    const loggerProvider = new LoggerProvider({ processors: [new SimpleLogRecordProcessor({ exporter: logExporter })] });
    const seqStream = createStream({ serverUrl: server.listeners.addresses.seq! });
    // The usual pino mixin: every line carries the active span's ids.
    let active = context.active();
    const appLog = pino({ mixin: () => ({ trace_id: trace.getSpanContext(active)?.traceId, span_id: trace.getSpanContext(active)?.spanId }) }, seqStream);
    const span = tracerProvider.getTracer('shop').startSpan('POST /checkout');
    active = trace.setSpan(context.active(), span);
    loggerProvider.getLogger('shop').emit({ severityNumber: SeverityNumber.INFO, body: 'traced-request otel line', context: active });
    appLog.warn('traced-request pino line');
    span.end();
    // The simple processor's flush does not wait for its export; the exporter's does.
    await Promise.all([tracerProvider.forceFlush(), loggerProvider.forceFlush(), seqStream.flush()]);
    await logExporter.forceFlush();
    const { traceId, spanId } = span.spanContext();
    const logs = await server.tinsel.store.query(sql`SELECT message, span_id, source FROM logs WHERE trace_id = ${traceId} ORDER BY message`);
    assert.deepEqual(logs, [
      { message: 'traced-request otel line', span_id: spanId, source: 'otlp' },
      { message: 'traced-request pino line', span_id: spanId, source: 'seq-clef' },
    ]);
    const spans = (await (await fetch(`${server.listeners.addresses.api}/api/traces/${traceId}`)).json()) as { spans: { span_id: string }[] };
    assert.deepEqual(spans.spans.map((s) => s.span_id), [spanId]);
    await Promise.all([tracerProvider.shutdown(), loggerProvider.shutdown()]);
  });
});
