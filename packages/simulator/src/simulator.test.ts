import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { normalizeXrayDocument, parseAlbLine } from '@tinsel/ingest';
import { Simulator, type SimulatedRequest } from './simulator.ts';

const T0 = Date.UTC(2026, 10, 24, 14, 0, 0);
const GENESIS = Date.UTC(2026, 10, 1);

function window(sim: Simulator, seconds: number, from = T0): SimulatedRequest[] {
  const requests: SimulatedRequest[] = [];
  for (let s = 0; s < seconds; s++) requests.push(...sim.requests(from / 1000 + s));
  return requests;
}

const textOf = (requests: SimulatedRequest[]) => requests.map((r) => [r.albLine, r.segment, ...r.logs].join('\n')).join('\n');

describe('Simulator', () => {
  it('gives the same output for the same seed, whatever order the seconds are asked in', () => {
    const options = { estate: { seed: 42 }, genesis: GENESIS, incidents: [{ kind: 'bad-deploy' as const, start: T0 + 5_000, durationMs: 20_000, target: null }] };
    const forward = window(new Simulator(options), 30);
    const sim = new Simulator(options);
    const backward: SimulatedRequest[][] = [];
    for (let s = 29; s >= 0; s--) backward[s] = sim.requests(T0 / 1000 + s);
    assert.ok(forward.length > 500);
    assert.equal(textOf(backward.flat()), textOf(forward));
  });

  it('keeps the bytes it has always written for a seed, through every kind of incident', () => {
    // The digest of what the string-building formatters wrote before the
    // writers went to bytes: a faster writer must not change a dataset.
    // Change it only with a deliberate change of format.
    const start = Date.UTC(2026, 10, 24, 14, 58, 0);
    const incidents = (['degraded-host', 'bad-deploy', 'db-overload', 'target-timeouts', 'client-disconnects', 'instance-recycle'] as const).map((kind, i) => ({
      kind,
      start: start + [60, 120, 200, 400, 700, 800][i]! * 1000,
      durationMs: [300, 360, 300, 240, 240, 0][i]! * 1000,
      target: null,
    }));
    const sim = new Simulator({ estate: { seed: 3 }, genesis: GENESIS, traffic: { peakRate: 150 }, incidents });
    const lines: string[] = [];
    for (let s = start / 1000 + 100; s < start / 1000 + 1100; s += 49) for (const r of sim.requests(s)) lines.push(r.albLine, r.segment ?? 'null', ...r.logs, '---');
    assert.equal(lines.filter((line) => line === '---').length, 3169);
    assert.equal(createHash('sha256').update(lines.join('\n')).digest('hex'), '5f6b55c6adde8645bfe2372b8c969d0a8640a01d1ab63a0efff54f5bfadd0953');
  });

  it('gives different output for another seed', () => {
    const a = window(new Simulator({ estate: { seed: 1 }, genesis: GENESIS }), 5);
    const b = window(new Simulator({ estate: { seed: 2 }, genesis: GENESIS }), 5);
    assert.notEqual(textOf(a), textOf(b));
  });

  it('writes ALB lines that parse, X-Ray documents that normalise and CLEF events, all under one trace id', () => {
    const sim = new Simulator({ estate: { seed: 7 }, genesis: GENESIS, traffic: { sampleRate: 0.5 } });
    const requests = window(sim, 20);
    let segments = 0;
    for (const request of requests) {
      const row = parseAlbLine(request.albLine, 'test');
      assert.ok(row.ok, row.ok ? '' : `${row.reason}\n${request.albLine}`);
      const canonical = row.value.trace_id;
      assert.equal(canonical, request.plan.traceId.slice(2).replace('-', ''));
      assert.equal(row.value.domain_name, request.plan.tenant.domain);
      if (request.segment !== null) {
        segments++;
        const spans = normalizeXrayDocument(request.segment, 'xray-udp', T0 + 86_400_000);
        assert.ok(spans.ok, spans.ok ? '' : spans.reason);
        assert.ok(spans.value.spans.every((span) => span.trace_id === canonical));
        const root = spans.value.spans[0]!;
        const duration = (root.end_time! - root.start_time) / 1e6;
        // The ALB's target time covers the app's whole segment.
        if (row.value.target_processing_time !== null) assert.ok(row.value.target_processing_time >= duration, `${row.value.target_processing_time} < ${duration}`);
        assert.equal(spans.value.spans.length, 1 + (request.plan.app?.calls.length ?? 0));
      }
      for (const line of request.logs) {
        const event = JSON.parse(line) as Record<string, unknown>;
        assert.equal(event['@tr'], canonical);
        assert.equal(event['@sp'], request.plan.app!.segmentId);
        assert.match(String(event['@t']), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
        assert.equal(typeof event['@mt'], 'string');
        assert.equal(event.TenantId, request.plan.tenant.tenant);
      }
    }
    assert.ok(segments > 100);
  });

  it('keeps one Root across the retries of a traced client, each attempt with its own Self', () => {
    const sim = new Simulator({ estate: { seed: 3 }, genesis: GENESIS, incidents: [{ kind: 'target-timeouts', start: T0, durationMs: 60_000, target: '1' }] });
    const retries = window(sim, 60).filter((r) => r.plan.retryOf !== null && r.plan.self !== null);
    assert.ok(retries.length > 0);
    for (const retry of retries) {
      assert.match(retry.albLine, new RegExp(`"Self=${retry.plan.self};Root=${retry.plan.traceId}"`));
      assert.notEqual(retry.plan.retryOf, retry.plan.self);
    }
  });

  it('spreads tenants over several load balancers, each line naming its own', () => {
    const sim = new Simulator({ estate: { seed: 9, loadBalancers: 2 }, genesis: GENESIS });
    const elbs = new Map<string, Set<string>>();
    for (const request of window(sim, 10)) {
      const row = parseAlbLine(request.albLine, 'test');
      assert.ok(row.ok);
      assert.equal(row.value.elb, request.plan.loadBalancer.resourceId);
      elbs.set(row.value.elb, (elbs.get(row.value.elb) ?? new Set()).add(row.value.domain_name!));
    }
    assert.equal(elbs.size, 2);
    const [a, b] = [...elbs.values()];
    assert.ok([...a!].every((domain) => !b!.has(domain)), 'a tenant sits behind one load balancer');
  });

  it('follows the daily curve: the afternoon peak is several times the night', () => {
    const sim = new Simulator({ estate: { seed: 4 }, genesis: GENESIS, traffic: { peakRate: 50 } });
    const countAt = (hour: number) => window(sim, 20, Date.UTC(2026, 10, 24, hour)).length;
    const night = countAt(3);
    const peak = countAt(15);
    assert.ok(peak > 3 * night, `${peak} at 15:00 vs ${night} at 03:00`);
    assert.ok(Math.abs(peak - 50 * 20) < 100);
  });

  it('sends SQL subsegments to the tenant database and keeps -1 timings for requests the target never answered', () => {
    const sim = new Simulator({ estate: { seed: 3 }, genesis: GENESIS, traffic: { sampleRate: 1 }, incidents: [{ kind: 'target-timeouts', start: T0, durationMs: 60_000, target: '1' }] });
    const requests = window(sim, 30);
    const sql = requests.flatMap((r) => (r.segment === null ? [] : (JSON.parse(r.segment) as { subsegments: { sql?: { url: string } }[] }).subsegments.map((s) => ({ s, r }))));
    assert.ok(sql.some(({ s }) => s.sql !== undefined));
    for (const { s, r } of sql) if (s.sql) assert.ok(s.sql.url.endsWith(`${r.plan.tenant.dbServer}.internal:5432/${r.plan.tenant.dbName}`));
    const died = requests.filter((r) => r.plan.elbStatus === 504 || r.plan.elbStatus === 502);
    assert.ok(died.length > 0);
    for (const request of died) {
      const row = parseAlbLine(request.albLine, 'test');
      assert.ok(row.ok);
      assert.equal(row.value.target_processing_time, null);
      assert.equal(row.value.timing_unavailable, true);
      assert.equal(row.value.target_status_code, null);
    }
  });
});
