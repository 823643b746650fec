import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { requestsTable, spansTable } from '@tinsel/model';
import { sampleRequest, sampleSpan } from '@tinsel/store';
import { createApp } from './http/create-app.ts';
import { openTinsel, type Tinsel } from './open-tinsel.ts';
import { testConfig } from './test-support.ts';

const T1 = '6b07a7a00261934633ac27e41986b850';
const T2 = '6b07a7a0ffff934633ac27e41986b851';
const at = (ms: number) => Date.UTC(2026, 10, 24, 18, 0, 0) * 1000 + ms * 1000;

// A shop: the load balancer, a frontend calling orders over HTTP, orders
// calling its database and a payment provider that sends no spans.
const spans = [
  sampleSpan({ trace_id: T1, span_id: 'a000000000000001', parent_span_id: null, service: 'frontend', name: 'GET /checkout', kind: 'server', start_time: at(0), end_time: at(120), duration_ms: 120, status: 'fault', annotations: '{"tenant":"acme"}' }),
  sampleSpan({ trace_id: T1, span_id: 'a000000000000002', parent_span_id: 'a000000000000001', service: 'frontend', name: 'POST orders', kind: 'client', start_time: at(5), end_time: at(110), duration_ms: 105, status: 'fault' }),
  sampleSpan({ trace_id: T1, span_id: 'a000000000000003', parent_span_id: 'a000000000000002', service: 'orders', name: 'POST /orders', kind: 'server', start_time: at(10), end_time: at(100), duration_ms: 90, status: 'fault' }),
  sampleSpan({ trace_id: T1, span_id: 'a000000000000004', parent_span_id: 'a000000000000003', service: 'orders', name: 'SELECT', kind: 'client', db_server: 'db-1', start_time: at(12), end_time: at(20), duration_ms: 8, status: 'ok' }),
  sampleSpan({ trace_id: T1, span_id: 'a000000000000005', parent_span_id: 'a000000000000003', service: 'orders', name: 'payments.example.com', kind: 'client', start_time: at(25), end_time: at(95), duration_ms: 70, status: 'fault' }),
  sampleSpan({ trace_id: T2, span_id: 'b000000000000001', parent_span_id: null, service: 'frontend', name: 'GET /', kind: 'server', start_time: at(1000), end_time: at(1010), duration_ms: 10, status: 'ok', annotations: '{"tenant":"globex"}' }),
];

describe('trace search and the service map', () => {
  let tinsel: Tinsel;
  let app: FastifyInstance;
  const get = async (url: string) => (await app.inject({ method: 'GET', url })).json();
  const range = 'from=2026-11-24T17:00:00Z&to=2026-11-24T19:00:00Z';

  before(async () => {
    tinsel = await openTinsel(testConfig());
    await tinsel.store.append(spansTable, spans);
    await tinsel.store.append(requestsTable, [sampleRequest({ trace_id: T1, lb_name: 'web-prod', time: at(121) })]);
    app = createApp({ ...tinsel, limits: { bodyBytes: 1 << 20 } });
  });
  after(async () => {
    await app.close();
    await tinsel.close();
  });

  it('draws services, remote callees and the load balancer, with counts, failures and latency', async () => {
    const map = (await get(`/api/service-map?${range}`)) as { nodes: { id: string; type: string }[]; edges: Record<string, unknown>[] };
    assert.deepEqual(map.nodes.map((n) => `${n.type} ${n.id}`).sort(), ['load-balancer load-balancer:web-prod', 'remote remote:db-1', 'remote remote:payments.example.com', 'service frontend', 'service orders']);
    const edges = new Map(map.edges.map((e) => [`${e.source} -> ${e.target}`, e]));
    assert.deepEqual([...edges.keys()].sort(), ['frontend -> orders', 'load-balancer:web-prod -> frontend', 'orders -> remote:db-1', 'orders -> remote:payments.example.com']);
    assert.equal(edges.get('frontend -> orders')?.calls, 1);
    assert.equal(edges.get('frontend -> orders')?.faultRate, 1);
    assert.equal(edges.get('orders -> remote:payments.example.com')?.p50Ms, 70);
    assert.equal(edges.get('orders -> remote:db-1')?.faults, 0);
  });

  it('finds traces by status, service, duration and annotation, summed up by their root', async () => {
    const faults = (await get(`/api/traces?${range}&status=fault`)) as { traces: Record<string, unknown>[] };
    assert.deepEqual(faults.traces.map((t) => [t.trace_id, t.root_service, t.root_name, t.spans, t.faults, t.duration_ms]), [[T1, 'frontend', 'GET /checkout', 5, 4, 120]]);
    const byAnnotation = (await get(`/api/traces?${range}&annotation=tenant:globex`)) as { traces: { trace_id: string }[] };
    assert.deepEqual(byAnnotation.traces.map((t) => t.trace_id), [T2]);
    const slowOrders = (await get(`/api/traces?${range}&service=orders&minDurationMs=60`)) as { traces: { trace_id: string }[] };
    assert.deepEqual(slowOrders.traces.map((t) => t.trace_id), [T1]);
    const all = (await get(`/api/traces?${range}`)) as { traces: { trace_id: string }[] };
    assert.deepEqual(all.traces.map((t) => t.trace_id), [T2, T1]);
  });

  it('says which search parameter is wrong', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/traces?${range}&status=bad` });
    assert.equal(response.statusCode, 400);
    assert.match(response.json().message, /^status: /);
  });
});
