import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RequestPlan } from '../request/request-plan.ts';
import { Simulator } from '../simulator.ts';
import { parseIncidentSpec, type IncidentKind } from './incident.ts';

const T0 = Date.UTC(2026, 10, 24, 15, 0, 0);
const START = T0 + 60_000;
const END = T0 + 120_000;

/** Three minutes of traffic with one incident in the middle minute, and no latent faults to blur the picture. */
function stage(kind: IncidentKind, target: string | null = null): { sim: Simulator; during: RequestPlan[]; outside: RequestPlan[] } {
  const sim = new Simulator({ estate: { seed: 11 }, genesis: Date.UTC(2026, 10, 1), traffic: { faultRate: 0, peakRate: 60 }, incidents: [{ kind, start: START, durationMs: END - START, target }] });
  const plans: RequestPlan[] = [];
  for (let s = 0; s < 180; s++) plans.push(...sim.plans(T0 / 1000 + s));
  const inWindow = (p: RequestPlan) => p.receivedAt / 1000 >= START && p.receivedAt / 1000 < END;
  return { sim, during: plans.filter(inWindow), outside: plans.filter((p) => !inWindow(p)) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const appMillis = (p: RequestPlan) => (p.app === null ? 0 : (p.app.end - p.app.start) / 1000);
const sqlMillis = (p: RequestPlan) => (p.app?.calls ?? []).filter((c) => c.kind === 'sql').map((c) => (c.end - c.start) / 1000);

describe('incidents', () => {
  it('degraded host: slow requests on that one instance, during the incident only', () => {
    const { sim, during, outside } = stage('degraded-host', '2');
    const host = sim.timeline.at(2, START).instanceId;
    const onHost = during.filter((p) => p.instance.instanceId === host);
    const elsewhere = during.filter((p) => p.instance.instanceId !== host);
    assert.ok(median(onHost.map(appMillis)) > 4 * median(elsewhere.map(appMillis)));
    assert.ok(median(outside.filter((p) => p.instance.instanceId === host).map(appMillis)) < 2 * median(elsewhere.map(appMillis)));
  });

  it('bad deploy: 500s from the new version on POST /checkout and nowhere else', () => {
    const { sim, during, outside } = stage('bad-deploy');
    const version = sim.incidents[0]!.version;
    const failed = [...during, ...outside].filter((p) => p.outcome === 'app-error');
    assert.ok(failed.length > 3);
    for (const plan of failed) {
      assert.equal(plan.route.name, 'POST /checkout');
      assert.equal(plan.instance.appVersion, version);
      assert.ok(plan.app?.exception?.type === 'System.NullReferenceException');
    }
  });

  it('db overload: slow queries for every tenant on that server, the others unchanged', () => {
    const { sim, during, outside } = stage('db-overload', 'db-1');
    assert.equal(sim.incidents[0]!.dbServer, 'db-1');
    const onServer = during.filter((p) => p.tenant.dbServer === 'db-1').flatMap(sqlMillis);
    const others = during.filter((p) => p.tenant.dbServer !== 'db-1').flatMap(sqlMillis);
    assert.ok(median(onServer) > 5 * median(others));
    assert.ok(median(outside.filter((p) => p.tenant.dbServer === 'db-1').flatMap(sqlMillis)) < 2 * median(others));
    assert.ok(new Set(during.filter((p) => p.tenant.dbServer === 'db-1').map((p) => p.tenant.tenant)).size > 1);
  });

  it('target timeouts: 504s and 502s with -1 timings on that instance, during the incident only', () => {
    const { sim, during, outside } = stage('target-timeouts', '4');
    const host = sim.timeline.at(4, START).instanceId;
    const died = [...during, ...outside].filter((p) => p.outcome === 'timeout' || p.outcome === 'reset');
    assert.ok(died.some((p) => p.elbStatus === 504) && died.some((p) => p.elbStatus === 502));
    for (const plan of died) {
      assert.equal(plan.instance.instanceId, host);
      assert.ok(plan.receivedAt / 1000 >= START && plan.receivedAt / 1000 < END);
      assert.equal(plan.targetProcessing, -1);
      assert.equal(plan.targetStatus, null);
    }
  });

  it('client disconnects: 460s on the impatient routes only, during the incident only', () => {
    const { during, outside } = stage('client-disconnects');
    const closed = during.filter((p) => p.outcome === 'client-closed');
    assert.ok(closed.length > 5);
    for (const plan of closed) assert.ok(plan.route.impatient && plan.elbStatus === 460 && plan.requestProcessing === -1);
    assert.equal(outside.filter((p) => p.outcome === 'client-closed').length, 0);
  });

  it('instance recycle: a new instance on the same IP from the incident on, with no errors', () => {
    const { sim, during } = stage('instance-recycle', '3');
    const before = sim.timeline.at(3, START - 1);
    const after = sim.timeline.at(3, START);
    assert.notEqual(before.instanceId, after.instanceId);
    assert.equal(before.ip, after.ip);
    assert.ok(during.some((p) => p.instance === after));
    assert.equal(during.filter((p) => p.outcome !== 'ok' && p.outcome !== 'client-error').length, 0);
  });
});

describe('parseIncidentSpec', () => {
  it('reads offsets, instants, durations and targets', () => {
    assert.deepEqual(parseIncidentSpec('bad-deploy@+10m', T0), { ok: true, value: { kind: 'bad-deploy', start: T0 + 600_000, durationMs: 360_000, target: null } });
    assert.deepEqual(parseIncidentSpec('db-overload@-5m/90s:db-2', T0), { ok: true, value: { kind: 'db-overload', start: T0 - 300_000, durationMs: 90_000, target: 'db-2' } });
    assert.deepEqual(parseIncidentSpec('instance-recycle@2026-11-24T15:30:00Z:0', T0), { ok: true, value: { kind: 'instance-recycle', start: T0 + 1_800_000, durationMs: 0, target: '0' } });
  });

  it('names what is wrong', () => {
    const unknown = parseIncidentSpec('meteor@+1m', T0);
    assert.ok(!unknown.ok && /unknown kind "meteor"/.test(unknown.reason));
    const when = parseIncidentSpec('bad-deploy@soon', T0);
    assert.ok(!when.ok && /expected name@when/.test(when.reason));
  });
});
