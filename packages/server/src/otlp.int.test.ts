import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SpanKind, SpanStatusCode, context, defaultTextMapSetter, trace, type Tracer } from '@opentelemetry/api';
import { AWSXRayPropagator } from '@opentelemetry/propagator-aws-xray';
import { OTLPTraceExporter as OtlpHttpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { AWSXRayIdGenerator } from '@opentelemetry/id-generator-aws-xray';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { openTinsel, type Tinsel } from './open-tinsel.ts';
import { startListeners, type Listeners } from './start-listeners.ts';
import { testConfig } from './test-support.ts';

type Span = Record<string, unknown>;

describe('OTLP/HTTP traces from the OpenTelemetry Node SDK', () => {
  let tinsel: Tinsel;
  let listeners: Listeners;

  before(async () => {
    tinsel = await openTinsel(testConfig());
    listeners = await startListeners(tinsel.config, tinsel, () => {});
  });
  after(async () => {
    await listeners.close();
    await tinsel.close();
  });

  const spansOf = async (traceId: string, expected: number): Promise<Span[]> => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const body = (await (await fetch(`${listeners.addresses.api}/api/traces/${traceId}`)).json()) as { spans: Span[] };
      if (body.spans.length >= expected) return body.spans;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`trace ${traceId} never reached ${expected} spans`);
  };

  // A checkout request: a server span, a database call and a failing downstream call.
  async function sendCheckout(tracer: Tracer, provider: NodeTracerProvider): Promise<{ traceId: string; header: string }> {
    let traceId = '';
    const carrier: Record<string, string> = {};
    tracer.startActiveSpan('GET /checkout', { kind: SpanKind.SERVER, attributes: { 'http.request.method': 'GET', 'url.full': 'https://shop.example.com/checkout', 'http.response.status_code': 500 } }, (root) => {
      traceId = root.spanContext().traceId;
      // The header this service would send downstream, as the X-Ray propagator writes it.
      new AWSXRayPropagator().inject(trace.setSpan(context.active(), root), carrier, defaultTextMapSetter);
      // No global context manager in a test: children name their parent explicitly.
      const parent = trace.setSpan(context.active(), root);
      const db = tracer.startSpan('SELECT orders', { kind: SpanKind.CLIENT, attributes: { 'db.system': 'postgresql', 'db.query.text': 'SELECT * FROM orders WHERE id = $1', 'server.address': 'db-1.internal' } }, parent);
      db.end();
      const payment = tracer.startSpan('POST /charge', { kind: SpanKind.CLIENT }, parent);
      payment.recordException(new TypeError('card declined'));
      payment.setStatus({ code: SpanStatusCode.ERROR, message: 'card declined' });
      payment.end();
      root.setStatus({ code: SpanStatusCode.ERROR });
      root.end();
    });
    await provider.forceFlush();
    return { traceId, header: carrier['x-amzn-trace-id']! };
  }

  for (const [name, Exporter] of [
    ['JSON', OtlpHttpJsonExporter],
    ['protobuf', OtlpProtoExporter],
  ] as const) {
    it(`stores every span sent as ${name} with its parent, status and fields`, async () => {
      const exporter = new Exporter({ url: `${listeners.addresses.otlp}/v1/traces` });
      const provider = new NodeTracerProvider({
        idGenerator: new AWSXRayIdGenerator(),
        resource: resourceFromAttributes({ 'service.name': `shop-${name}`, 'host.name': 'web-3' }),
        spanProcessors: [new SimpleSpanProcessor(exporter)],
      });
      const { traceId, header } = await sendCheckout(provider.getTracer('checkout'), provider);
      const spans = await spansOf(traceId, 3);
      const byName = new Map(spans.map((s) => [s.name, s]));
      const root = byName.get('GET /checkout')!;
      assert.equal(root.parent_span_id, null);
      assert.equal(root.service, `shop-${name}`);
      assert.equal(root.kind, 'server');
      assert.equal(root.status, 'fault');
      assert.equal(root.http_status, 500);
      assert.equal(root.host, 'web-3');
      const db = byName.get('SELECT orders')!;
      assert.equal(db.parent_span_id, root.span_id);
      assert.equal(db.sql_query, 'SELECT * FROM orders WHERE id = $1');
      const payment = byName.get('POST /charge')!;
      assert.equal(payment.parent_span_id, root.span_id);
      assert.equal(payment.kind, 'client');
      assert.equal((JSON.parse(String(payment.exceptions)) as { message: string }[])[0]?.message, 'card declined');
      // The X-Ray id generator puts the start second first, so the trace is found by its X-Ray id,
      // and by the whole header the X-Ray propagator sends downstream.
      const xray = `1-${traceId.slice(0, 8)}-${traceId.slice(8)}`;
      assert.equal((await spansOf(xray, 3)).length, 3);
      assert.match(header, new RegExp(`^Root=${xray};Parent=${root.span_id};Sampled=1$`));
      assert.equal((await spansOf(header, 3)).length, 3);
      await provider.shutdown();
    });
  }

  it('answers a body that does not decode with 400', async () => {
    const response = await fetch(`${listeners.addresses.otlp}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"resourceSpans": 7}' });
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as { message: string }).message, /resourceSpans/);
  });
});
