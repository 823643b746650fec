import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sampleLog, sampleRequest, sampleSpan } from '@tinsel/store';
import type { ResultRow } from '@tinsel/store';
import { assembleStory } from './assemble-story.ts';

const TRACE = '5759e988bd862e3fe1be46a994272793';
const T0 = 1_465_510_280_000_000;
const row = <T extends object>(record: T): ResultRow => record as unknown as ResultRow;
const died = (overrides: object) =>
  row(sampleRequest({ trace_id: TRACE, request_creation_time: T0, time: T0 + 3_000, request_processing_time: null, target_processing_time: null, response_processing_time: null, timing_unavailable: true, target_status_code: null, ...overrides }));

describe('assembleStory', () => {
  it('calls a 502 without a target status a death at the load balancer, with no phases', () => {
    const story = assembleStory(TRACE, { requests: [died({ elb_status_code: 502 })], spans: [], logs: [] });
    assert.equal(story.classification.kind, 'died-at-load-balancer');
    assert.match(story.classification.reason, /^ALB answered 502 after 3\.0 ms without a response from 10\.0\.0\.1:80: the target closed the connection/);
    assert.deepEqual(story.requests[0]!.phases, []);
    assert.equal(story.xrayId, '1-5759e988-bd862e3fe1be46a994272793');
  });

  it('says when the app was still working after the load balancer gave up', () => {
    const span = row(sampleSpan({ trace_id: TRACE, start_time: T0 + 1_000, end_time: T0 + 9_000, duration_ms: 8, status: 'fault' }));
    const story = assembleStory(TRACE, { requests: [died({ elb_status_code: 504 })], spans: [span], logs: [] });
    assert.equal(story.classification.kind, 'died-at-load-balancer');
    assert.match(story.classification.reason, /; the app was still working: checkout span "GET \/orders" took 8 ms and ended fault$/);
  });

  it('calls 460 a death at the load balancer, a WAF 403 a client error and a redirect served', () => {
    const kind = (overrides: object) => assembleStory(TRACE, { requests: [died(overrides)], spans: [], logs: [] }).classification.kind;
    assert.equal(kind({ elb_status_code: 460 }), 'died-at-load-balancer');
    assert.equal(kind({ elb_status_code: 403, actions_executed: 'waf', target_ip: null }), 'client-error');
    assert.equal(kind({ elb_status_code: 301, actions_executed: 'redirect', timing_unavailable: false, request_processing_time: 0, target_processing_time: 0, response_processing_time: 0 }), 'served');
  });

  it('takes the arrival as time less the timings when request_creation_time is missing', () => {
    const story = assembleStory(TRACE, { requests: [row(sampleRequest({ trace_id: TRACE, request_creation_time: null, time: T0 + 171_000 }))], spans: [], logs: [] });
    assert.deepEqual(story.requests[0]!.phases.map((p) => [p.name, p.startMs, p.endMs]), [['request', 0, 86], ['target', 86, 134], ['response', 134, 171]]);
  });

  it('without an ALB record, names the deepest fault span and the exception its log line carried', () => {
    const spans = [
      row(sampleSpan({ span_id: 'a000000000000001', status: 'fault', start_time: T0, end_time: T0 + 50_000, duration_ms: 50 })),
      row(sampleSpan({ span_id: 'a000000000000002', parent_span_id: 'a000000000000001', name: 'charge', kind: 'client', status: 'fault', start_time: T0 + 1_000, end_time: T0 + 40_000, duration_ms: 39 })),
    ];
    const logs = [row(sampleLog({ span_id: 'a000000000000002', exception: 'TypeError: card is undefined\n    at charge (pay.js:3:9)', properties: 'not json' }))];
    const story = assembleStory(TRACE, { requests: [], spans, logs });
    assert.equal(story.classification.kind, 'failed-in-app');
    assert.equal(story.classification.span?.name, 'charge');
    assert.deepEqual(story.classification.exception, { type: 'TypeError', message: 'card is undefined' });
    assert.deepEqual(story.logs[0]!.properties, { text: 'not json' });
    assert.deepEqual(story.spans.map((s) => [s.depth, s.attempt]), [[0, null], [1, null]]);
    assert.equal(story.unaccountedMs, null);
  });

  it('says it does not know how a request ended when only info log lines have its id', () => {
    const story = assembleStory(TRACE, { requests: [], spans: [], logs: [row(sampleLog({ level: 'info', exception: null }))] });
    assert.equal(story.classification.kind, 'unknown');
  });

  it('puts each root span in the attempt whose target phase is nearest, and subtracts it from that attempt', () => {
    const attempt = (start: number, status: number) =>
      row(sampleRequest({ trace_id: TRACE, request_creation_time: start, time: start + 100_000, request_processing_time: 0, target_processing_time: 0.1, response_processing_time: 0, elb_status_code: status, target_status_code: status }));
    const root = (id: string, start: number, ms: number) => row(sampleSpan({ span_id: id, parent_span_id: 'ffffffffffffffff', start_time: start, end_time: start + ms * 1000, duration_ms: ms }));
    const story = assembleStory(TRACE, { requests: [attempt(T0 + 1_000_000, 200), attempt(T0, 500)], spans: [root('b000000000000001', T0 + 1_002_000, 90), root('b000000000000002', T0 + 2_000, 70)], logs: [] });
    assert.deepEqual(story.requests.map((r) => [r.attempt, r.elb_status_code, r.unaccountedMs]), [[1, 500, 30], [2, 200, 10]]);
    assert.deepEqual(story.spans.map((s) => [s.span_id, s.attempt]), [['b000000000000002', 1], ['b000000000000001', 2]]);
    assert.equal(story.classification.kind, 'served');
    assert.equal(story.unaccountedMs, 10);
  });
});
