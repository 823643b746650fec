import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Story } from '@tinsel/query';
import { spansTable } from '@tinsel/model';
import { sampleSpan } from '@tinsel/store';
import { openTinsel, type Tinsel } from '../../open-tinsel.ts';
import { testConfig } from '../../test-support.ts';
import { createApp } from '../create-app.ts';
import { storeStories, storyIds } from './story-test-data.ts';

describe('GET /api/story/:id', () => {
  let tinsel: Tinsel;
  let app: FastifyInstance;
  const story = async (id: string): Promise<Story> => {
    const response = await app.inject({ method: 'GET', url: `/api/story/${encodeURIComponent(id)}` });
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as Story;
  };

  before(async () => {
    tinsel = await openTinsel(testConfig());
    await storeStories(tinsel.store);
    app = createApp({ ...tinsel, limits: { bodyBytes: 1 << 20 } });
  });
  after(async () => {
    await app.close();
    await tinsel.close();
  });

  it('tells a request that failed in the app: the span, its exception, the error log and its context', async () => {
    const s = await story(storyIds.failed);
    assert.equal(s.traceId, '67891233abcdef012345678912345678');
    assert.equal(s.classification.kind, 'failed-in-app');
    assert.equal(s.classification.span?.span_id, '0f910026178b71eb');
    assert.deepEqual(s.classification.exception, { type: 'SqlException', message: 'Timeout expired' });
    assert.match(s.classification.reason, /^the target answered 500; checkout span "orders@db-7.internal" failed with SqlException: Timeout expired/);
    assert.equal(s.requests.length, 1);
    const [request] = s.requests;
    assert.deepEqual(request!.phases.map((p) => [p.name, p.startMs, p.endMs]), [['request', 0, 1], ['target', 1, 251], ['response', 251, 251]]);
    assert.equal(request!.startMs, 0);
    assert.equal(request!.endMs, 251);
    assert.deepEqual(s.spans.map((sp) => [sp.name, sp.depth, sp.attempt, sp.startMs]), [['checkout', 0, 1, 2], ['orders@db-7.internal', 1, 1, 9]]);
    // 250 ms at the target less the 245 ms the handler's span lasted.
    assert.equal(s.unaccountedMs, 5);
    assert.deepEqual(s.logs.map((l) => [l.level, l.atMs]), [['info', 19], ['error', 240]]);
    assert.deepEqual(s.logs[1]!.properties, { OrderId: 7, Tenant: 'acme', RequestPath: '/checkout', UserId: 'u-42', Basket: { Items: 3 } });
    assert.equal(s.enrichment.tenant, 'acme');
    assert.equal(s.enrichment.instance_id, 'i-0abc123');
    assert.equal(s.enrichment.app_version, '4.2.0');
    assert.equal(s.enrichment.az, 'us-east-2a');
  });

  it('explains a request that died at the load balancer, with no spans or logs', async () => {
    const s = await story(storyIds.died);
    assert.equal(s.classification.kind, 'died-at-load-balancer');
    assert.equal(s.classification.reason, 'ALB answered 504 after 60.0 s without a response from 10.0.1.23:8080: the target did not answer before the idle timeout');
    assert.deepEqual(s.spans, []);
    assert.deepEqual(s.logs, []);
    assert.deepEqual(s.requests[0]!.phases, []);
    assert.equal(s.requests[0]!.endMs, 60001);
    assert.equal(s.requests[0]!.target_status_code, null);
    assert.equal(s.unaccountedMs, null);
  });

  it('shows every attempt of a retried request, told apart by Self, with the spans in the attempt that ran them', async () => {
    const s = await story(storyIds.retried);
    assert.deepEqual(s.requests.map((r) => [r.attempt, r.elb_status_code, r.self, r.outcome.kind]), [
      [1, 502, '1-67891240-111111111111111111111111', 'died-at-load-balancer'],
      [2, 200, '1-67891240-222222222222222222222222', 'served'],
    ]);
    assert.equal(s.classification.kind, 'served');
    assert.equal(s.classification.attempt, 2);
    assert.match(s.classification.reason, /^attempt 2 of 2: the target answered 200 in 40 ms \(attempt 1: died-at-load-balancer\)$/);
    assert.deepEqual(s.classification.attempts?.map((a) => a.kind), ['died-at-load-balancer', 'served']);
    assert.deepEqual(s.spans.map((sp) => [sp.name, sp.attempt, sp.depth]), [['cart', 2, 0]]);
    assert.deepEqual(s.logs.map((l) => l.attempt), [2]);
    assert.equal(s.unaccountedMs, 15);
  });

  it('takes the id in every form: X-Ray, 32 hex in either case, a whole header with or without its name', async () => {
    const forms = [
      '67891233abcdef012345678912345678',
      '67891233ABCDEF012345678912345678',
      `Root=${storyIds.failed};Parent=53995c3f42cd8ad8;Sampled=1`,
      `X-Amzn-Trace-Id: Self=1-67891233-12456789abcdef012345678;Root=${storyIds.failed};CalledFrom=app`,
    ];
    for (const form of forms) assert.equal((await story(form)).classification.span?.span_id, '0f910026178b71eb', form);
  });

  it('finds a W3C trace whose random first digits read as a time far from its own, by looking again without bounds', async () => {
    // 5f5e1000 reads as 2020-09-13, but this trace ran in 2025.
    const traceId = '5f5e1000aaaabbbbccccddddeeeeffff';
    await tinsel.store.append(spansTable, [sampleSpan({ trace_id: traceId, span_id: 'c000000000000001', start_time: 1737036339_000_000, end_time: 1737036339_020_000, duration_ms: 20, http_status: 200 })]);
    const s = await story(`00-${traceId}-c000000000000001-01`);
    assert.deepEqual(s.spans.map((sp) => sp.span_id), ['c000000000000001']);
    assert.equal(s.classification.kind, 'served');
    assert.equal(s.classification.reason, 'no load-balancer record for this trace; checkout span "GET /orders" answered 200');
  });

  it('answers 404 for an id nothing has, and 400 naming the problem for something that is no id', async () => {
    const unknown = await app.inject({ method: 'GET', url: '/api/story/1-67891233-000000000000000000000001' });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().error, 'TINSEL_ERR_STORY_NOT_FOUND');
    const bad = await app.inject({ method: 'GET', url: '/api/story/not-an-id' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error, 'TINSEL_ERR_STORY_BAD_ID');
    assert.match(bad.json().message, /^id: not a trace id/);
  });
});
