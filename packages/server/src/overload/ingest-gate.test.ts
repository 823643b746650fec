import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IngestGate } from './ingest-gate.ts';

describe('IngestGate', () => {
  it('admits up to the request limit, then refuses until one is released', () => {
    const gate = new IngestGate({ inflightBytes: 1 << 30, inflightRequests: 2 });
    const a = gate.admit(10, 0);
    const b = gate.admit(10, 0);
    assert.ok(a.ok && b.ok);
    const refused = gate.admit(10, 0);
    assert.ok(!refused.ok);
    assert.equal(refused.refusal.reason, 'requests');
    a.admission.release();
    a.admission.release(); // twice is once
    assert.equal(gate.gauges(0).tinsel_ingest_inflight_requests, 1);
    assert.ok(gate.admit(10, 0).ok);
    assert.equal(gate.refusedTotal, 1);
  });

  it('refuses past the byte limit but always admits a lone request, however large', () => {
    const gate = new IngestGate({ inflightBytes: 100, inflightRequests: 10 });
    const big = gate.admit(5000, 0);
    assert.ok(big.ok, 'nothing else in flight: a body up to the body limit goes in');
    const second = gate.admit(1, 0);
    assert.ok(!second.ok);
    assert.equal(second.refusal.reason, 'bytes');
    big.admission.release();
    assert.equal(gate.gauges(0).tinsel_ingest_inflight_bytes, 0);
  });

  it('counts a chunked body as a megabyte until it is answered', () => {
    const gate = new IngestGate({ inflightBytes: 1 << 30, inflightRequests: 10 });
    const chunked = gate.admit(null, 0);
    assert.ok(chunked.ok);
    assert.equal(gate.gauges(0).tinsel_ingest_inflight_bytes, 1 << 20);
  });

  it('asks a refused client to wait about as long as the oldest request has, from 1 to 30 seconds', () => {
    const gate = new IngestGate({ inflightBytes: 1 << 30, inflightRequests: 1 });
    assert.ok(gate.admit(1, 0).ok);
    const soon = gate.admit(1, 200);
    const later = gate.admit(1, 4_500);
    const much = gate.admit(1, 600_000);
    assert.ok(!soon.ok && !later.ok && !much.ok);
    assert.equal(soon.refusal.retryAfterSeconds, 1);
    assert.equal(later.refusal.retryAfterSeconds, 5);
    assert.equal(much.refusal.retryAfterSeconds, 30);
    assert.equal(gate.gauges(4_000).tinsel_store_lag_seconds, 4);
  });
});
