import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ServiceMapAnswer } from '../../api/index.ts';
import { buildMap, healthOf, remoteHost, remoteLabel } from './map-model.ts';

const node = (id: string, type: 'service' | 'remote' | 'load-balancer', extra: Partial<{ spans: number; faults: number }> = {}) => ({ id, name: id.replace(/^[a-z-]+:/, ''), type, spans: 0, errors: 0, faults: 0, throttles: 0, ...extra });
const edge = (source: string, target: string, calls: number, faults: number, p95Ms: number) => ({ source, target, calls, errors: 0, faults, throttles: 0, errorRate: 0, faultRate: faults / calls, p50Ms: 1, p95Ms, p99Ms: p95Ms * 2 });

const answer: ServiceMapAnswer = {
  nodes: [node('shop-web', 'service', { spans: 1000, faults: 20 }), node('load-balancer:web-prod', 'load-balancer'), node('remote:postgresql://db-0.internal:5432/tenant_0', 'remote'), node('remote:postgresql://db-0.internal:5432/tenant_4', 'remote'), node('remote:payments.example.net', 'remote')],
  edges: [
    edge('load-balancer:web-prod', 'shop-web', 500, 10, 80),
    edge('shop-web', 'remote:postgresql://db-0.internal:5432/tenant_0', 300, 0, 12),
    edge('shop-web', 'remote:postgresql://db-0.internal:5432/tenant_4', 100, 9, 40),
    edge('shop-web', 'remote:payments.example.net', 50, 0, 400),
  ],
};

describe('remoteHost and healthOf', () => {
  it('reads the host of a URL-named remote', () => {
    assert.equal(remoteHost('postgresql://db-0.internal:5432/tenant_0'), 'db-0.internal');
    assert.equal(remoteHost('payments.example.net'), null);
  });

  it('shortens a database URL to database @ host', () => {
    assert.equal(remoteLabel('postgresql://db-0.internal:5432/tenant_0'), 'tenant_0 @ db-0.internal');
    assert.equal(remoteLabel('db-0.internal'), 'db-0.internal');
  });

  it('grades failure shares', () => {
    assert.deepEqual([healthOf(0, 10), healthOf(0.02, 10), healthOf(0.2, 10), healthOf(0, 0)], ['ok', 'warn', 'error', 'idle']);
  });
});

describe('buildMap', () => {
  it('folds the databases of one server into one node with summed calls and a p95 bound', () => {
    const map = buildMap(answer, { groupRemotes: true, balancers: new Map() });
    assert.deepEqual(map.nodes.map((n) => n.id).sort(), ['load-balancer:web-prod', 'remote-host:db-0.internal', 'remote:payments.example.net', 'shop-web']);
    const db = map.edges.find((e) => e.target === 'remote-host:db-0.internal')!;
    assert.equal(db.calls, 400);
    assert.equal(db.faults, 9);
    assert.equal(db.p95Ms, 40);
    assert.equal(db.p95Bound, true);
    const dbNode = map.nodes.find((n) => n.id === 'remote-host:db-0.internal')!;
    assert.equal(dbNode.name, 'db-0.internal');
    assert.equal(dbNode.members.length, 2);
    assert.equal(dbNode.health, 'warn');
  });

  it('keeps every database apart when not folding', () => {
    const map = buildMap(answer, { groupRemotes: false, balancers: new Map() });
    assert.equal(map.nodes.length, 5);
    assert.equal(map.edges.every((e) => !e.p95Bound), true);
  });

  it('takes the load balancer figures from its own access-log rows when known', () => {
    const map = buildMap(answer, { groupRemotes: true, balancers: new Map([['web-prod', { requests: 2000, albErrors: 200, p95Ms: 90 }]]) });
    const lb = map.nodes.find((n) => n.type === 'load-balancer')!;
    assert.deepEqual([lb.volume, lb.failRate, lb.p95Ms, lb.health], [2000, 0.1, 90, 'error']);
    const service = map.nodes.find((n) => n.id === 'shop-web')!;
    assert.deepEqual([service.volume, service.failRate, service.health], [1000, 0.02, 'warn']);
  });
});
