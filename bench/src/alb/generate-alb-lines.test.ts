import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RequestRecord } from '@tinsel/model';
import { parseAlbLine } from '@tinsel/ingest';
import { generateAlbLines } from './generate-alb-lines.ts';

const startTime = Date.UTC(2025, 8, 3, 10);

function records(count: number, seed: number): RequestRecord[] {
  return [...generateAlbLines({ count, seed, startTime })].map((line, i) => {
    const result = parseAlbLine(line, 'generated');
    if (!result.ok) assert.fail(`line ${i + 1}: ${result.reason}\n${line}`);
    return result.value;
  });
}

describe('generateAlbLines', () => {
  const sample = records(20_000, 11);

  it('writes lines that parseAlbLine accepts, every one', () => {
    assert.equal(sample.length, 20_000);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const again = [...generateAlbLines({ count: 500, seed: 11, startTime })];
    assert.deepEqual(again, [...generateAlbLines({ count: 500, seed: 11, startTime })]);
    assert.notDeepEqual(again, [...generateAlbLines({ count: 500, seed: 12, startTime })]);
  });

  it('writes the current 33-field format', () => {
    const [line] = generateAlbLines({ count: 1, seed: 3, startTime });
    assert.match(line!, / TID_[0-9a-f]{32} "-" "-" "-"$/);
    assert.ok(sample.every((r) => r.conn_trace_id !== null && r.extra_fields === null));
  });

  it('starts at startTime and keeps time moving forward', () => {
    assert.ok(sample[0]!.time >= startTime * 1000 && sample[0]!.time < (startTime + 1000) * 1000);
    for (let i = 1; i < sample.length; i++) assert.ok(sample[i]!.time > sample[i - 1]!.time);
  });

  it('repeats client ip:port and conn_trace_id across the requests of one connection', () => {
    const byConnection = new Map<string, Set<string>>();
    for (const r of sample) {
      const endpoints = byConnection.get(r.conn_trace_id!) ?? new Set<string>();
      endpoints.add(`${r.client_ip}:${r.client_port}`);
      byConnection.set(r.conn_trace_id!, endpoints);
    }
    assert.ok(byConnection.size < sample.length / 2, `${byConnection.size} connections for ${sample.length} lines`);
    for (const endpoints of byConnection.values()) assert.equal(endpoints.size, 1);
  });

  it('gives every request a Root trace id from the second it arrived', () => {
    for (const r of sample) {
      assert.match(r.trace_id!, /^[0-9a-f]{32}$/);
      assert.equal(parseInt(r.trace_id!.slice(0, 8), 16), Math.floor(r.request_creation_time! / 1e6));
    }
  });

  it('mixes statuses, load-balancer errors with -1 timings, redirects, WAF blocks and IPv6 clients', () => {
    const statuses = new Set(sample.map((r) => r.elb_status_code));
    for (const status of [200, 301, 302, 304, 403, 404, 460, 500, 502, 504]) assert.ok(statuses.has(status), `no ${status}`);
    const unavailable = sample.filter((r) => r.timing_unavailable);
    assert.ok(unavailable.some((r) => r.elb_status_code === 502 && r.target_status_code === null && r.target_processing_time === null));
    assert.ok(sample.some((r) => r.actions_executed === 'redirect' && r.redirect_url?.startsWith('https://')));
    assert.ok(sample.some((r) => r.actions_executed === 'waf' && r.target_ip === null));
    assert.ok(sample.some((r) => r.client_ip.includes(':')));
    assert.ok(sample.some((r) => r.trace_fields?.startsWith('Self=1-')));
    const ok = sample.filter((r) => r.elb_status_code === 200).length / sample.length;
    assert.ok(ok > 0.7 && ok < 0.95, `200s are ${ok}`);
  });

  it('spreads traffic over a few load balancers, ~20 targets and a long tail of tenant domains', () => {
    const count = (values: (string | null)[]) => new Set(values.filter((v) => v !== null)).size;
    assert.equal(count(sample.map((r) => r.lb_name)), 3);
    assert.equal(count(sample.map((r) => r.target_ip)), 20);
    const domains = new Map<string, number>();
    for (const r of sample) if (r.domain_name) domains.set(r.domain_name, (domains.get(r.domain_name) ?? 0) + 1);
    const counts = [...domains.values()].sort((a, b) => b - a);
    assert.ok(domains.size > 150, `${domains.size} domains`);
    assert.ok(counts[0]! > 20 * counts[100]!, 'the most popular tenant should dwarf the median one');
  });
});
