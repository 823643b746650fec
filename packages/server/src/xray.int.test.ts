import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { after, before, describe, it } from 'node:test';
import AWSXRay from 'aws-xray-sdk-core';
import { sql } from '@tinsel/store';
import { openTinsel, type Tinsel } from './open-tinsel.ts';
import { startListeners, type Listeners } from './start-listeners.ts';
import { testConfig } from './test-support.ts';

type Span = Record<string, unknown>;

describe('X-Ray: the real SDK over UDP, and the PutTraceSegments API', () => {
  let tinsel: Tinsel;
  let listeners: Listeners;
  let api: string;
  let udpPort: number;

  const traceSpans = async (id: string, expected: number): Promise<Span[]> => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const body = (await (await fetch(`${api}/api/traces/${encodeURIComponent(id)}`)).json()) as { spans: Span[] };
      if (body.spans.length >= expected) return body.spans;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`trace ${id} never reached ${expected} spans`);
  };

  before(async () => {
    tinsel = await openTinsel(testConfig());
    listeners = await startListeners(tinsel.config, tinsel, () => {});
    api = listeners.addresses.api!;
    udpPort = Number(listeners.addresses.xrayUdp!.split(':').pop());
    AWSXRay.setLogger({ error() {}, warn() {}, info() {}, debug() {} });
    AWSXRay.setDaemonAddress(`127.0.0.1:${udpPort}`);
  });
  after(async () => {
    await listeners.close();
    await tinsel.close();
  });

  it('stores a segment from aws-xray-sdk-core with its subsegments, SQL, exception and annotations', async () => {
    const segment = new AWSXRay.Segment('checkout');
    segment.addAnnotation('tenant', 'acme');
    segment.addAnnotation('order_total', 42.5);
    const query = segment.addNewSubsegment('orders-db');
    query.addSqlData({ url: 'postgresql://db-1.internal:5432/orders', sanitized_query: 'SELECT * FROM orders WHERE id = ?', database_type: 'PostgreSQL' } as never);
    query.close();
    const payment = segment.addNewSubsegment('payments.example.com');
    payment.namespace = 'remote';
    payment.close(new Error('card declined'));
    segment.close();

    const spans = await traceSpans(segment.trace_id, 3);
    const byName = new Map(spans.map((s) => [s.name, s]));
    const root = byName.get('checkout')!;
    assert.equal(root.span_id, segment.id);
    assert.equal(root.parent_span_id, null);
    assert.equal(root.kind, 'server');
    assert.deepEqual(JSON.parse(String(root.annotations)), { tenant: 'acme', order_total: 42.5 });
    const db = byName.get('orders-db')!;
    assert.equal(db.parent_span_id, segment.id);
    assert.equal(db.sql_query, 'SELECT * FROM orders WHERE id = ?');
    const remote = byName.get('payments.example.com')!;
    assert.equal(remote.kind, 'client');
    assert.equal(remote.parent_span_id, segment.id);
    assert.notEqual(remote.status, 'ok');
    const exceptions = JSON.parse(String(remote.exceptions)) as { message: string }[];
    assert.equal(exceptions[0]?.message, 'card declined');
  });

  it('dead-letters a bad datagram, counts it, and keeps serving', async () => {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.send('not the daemon protocol', udpPort, '127.0.0.1', () => resolve()));
    socket.close();
    const segment = new AWSXRay.Segment('after-garbage');
    segment.close();
    assert.equal((await traceSpans(segment.trace_id, 1)).length, 1);
    const dead = await tinsel.store.query(sql`SELECT reason, raw FROM dead_letters WHERE signal = ${'spans'} AND source LIKE ${'xray-udp:%'}`);
    assert.equal(dead.length, 1);
    assert.equal(dead[0]?.raw, 'not the daemon protocol');
    assert.equal(tinsel.counters.get('tinsel_xray_udp_dead_letters_total'), 1);
  });

  it('answers PutTraceSegments per document, as the X-Ray API does', async () => {
    const good = JSON.stringify({ trace_id: '1-5759e988-bd862e3fe1be46a994272793', id: '53995c3f42cd8ad8', name: 'api', start_time: 1465510280.1, end_time: 1465510280.35 });
    const bad = JSON.stringify({ trace_id: 'nonsense', id: '6226467e3f845502', name: 'api', start_time: 1, end_time: 2 });
    const response = await fetch(`${api}/TraceSegments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ TraceSegmentDocuments: [good, bad] }) });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { UnprocessedTraceSegments: { Id: string; ErrorCode: string }[] };
    assert.deepEqual(body.UnprocessedTraceSegments.map((u) => [u.Id, u.ErrorCode]), [['6226467e3f845502', 'InvalidTraceId']]);
    const spans = await traceSpans('1-5759e988-bd862e3fe1be46a994272793', 1);
    assert.equal(spans[0]?.duration_ms, 250);
  });

  it('keeps one span when an in-progress segment is later completed: the complete one', async () => {
    const base = { trace_id: '1-6b07a7a0-0261934633ac27e41986b850', id: '70de5b6f19ff9a0a', name: 'slow-job', start_time: 1795663776.5 };
    const send = (doc: object) => fetch(`${api}/TraceSegments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ TraceSegmentDocuments: [JSON.stringify(doc)] }) });
    await send({ ...base, in_progress: true });
    assert.equal((await traceSpans(base.trace_id, 1))[0]?.in_progress, true);
    await send({ ...base, end_time: 1795663778.25 });
    for (let attempt = 0; attempt < 20; attempt++) {
      const spans = await traceSpans(base.trace_id, 1);
      if (spans[0]?.in_progress === false) {
        assert.equal(spans.length, 1);
        assert.equal(spans[0]?.duration_ms, 1750);
        // The in-progress row itself is gone, so counts elsewhere (search, the service map) see one span.
        assert.deepEqual(await tinsel.store.query(sql`SELECT count(*) AS n FROM spans WHERE span_id = ${base.id}`), [{ n: 1 }]);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.fail('the completed segment never replaced the in-progress one');
  });

  it('gives an independently sent subsegment the service of its segment', async () => {
    const trace = '1-6b07a7a0-1111934633ac27e41986b850';
    const segment = { trace_id: trace, id: '1000000000000001', name: 'billing', start_time: 1795663776.1, end_time: 1795663776.9 };
    const subsegment = { type: 'subsegment', trace_id: trace, parent_id: '1000000000000001', id: '1000000000000002', name: 'DynamoDB', namespace: 'aws', start_time: 1795663776.2, end_time: 1795663776.3 };
    const body = JSON.stringify({ TraceSegmentDocuments: [JSON.stringify(subsegment), JSON.stringify(segment)] });
    await fetch(`${api}/TraceSegments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const spans = await traceSpans(trace, 2);
    assert.deepEqual(spans.map((s) => [s.name, s.service, s.parent_span_id]), [['billing', 'billing', null], ['DynamoDB', 'billing', '1000000000000001']]);
  });

  it('refuses a PutTraceSegments body that is not the API shape', async () => {
    const response = await fetch(`${api}/TraceSegments`, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1' }, body: '{"Segments": 3}' });
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('x-amzn-errortype'), 'InvalidRequestException');
  });
});
