import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Simulator, formatAlbLine } from '@tinsel/simulator';
import { openTinsel, type Tinsel } from '../../open-tinsel.ts';
import { startInsights, type InsightsRuntime } from '../../insights/insights-runtime.ts';
import { testConfig } from '../../test-support.ts';
import { createApp } from '../create-app.ts';

const MINUTE = 60_000;
const ONSET = Date.UTC(2026, 10, 24, 15);

describe('insights and alert routes', () => {
  let tinsel: Tinsel;
  let app: FastifyInstance;
  let insights: InsightsRuntime;

  before(async () => {
    tinsel = await openTinsel(testConfig());
    insights = startInsights(tinsel.store, undefined, () => undefined, { loop: false });
    app = createApp({ ...tinsel, limits: { bodyBytes: 64 << 20 }, insights });
    // The ALB lines go in through the real ingest route.
    const sim = new Simulator({ traffic: { peakRate: 10 }, incidents: [{ kind: 'target-timeouts', start: ONSET, durationMs: 4 * MINUTE, target: '1' }], genesis: ONSET - 86_400_000 });
    for (let from = ONSET - 25 * MINUTE; from < ONSET + 5 * MINUTE; from += 5 * MINUTE) {
      const lines: string[] = [];
      for (let s = from / 1000; s < (from + 5 * MINUTE) / 1000; s++) for (const plan of sim.plans(s)) lines.push(formatAlbLine(plan));
      const response = await app.inject({ method: 'POST', url: '/api/ingest/alb', payload: `${lines.join('\n')}\n`, headers: { 'content-type': 'text/plain' } });
      assert.equal(response.statusCode, 200, response.body);
    }
    for (let now = ONSET - 12 * MINUTE; now <= ONSET + 3 * MINUTE; now += MINUTE) await insights.tick(now);
  });
  after(async () => {
    await app.close();
    await insights.close();
    await tinsel.close();
  });

  it('lists the incident the detector opened and shows it whole, with story links', async () => {
    const list = await app.inject({ method: 'GET', url: `/api/insights?from=${new Date(ONSET - 3_600_000).toISOString()}&to=${new Date(ONSET + 3_600_000).toISOString()}` });
    assert.equal(list.statusCode, 200, list.body);
    const { incidents } = list.json() as { incidents: { id: string; status: string; family: string; badRequests: number }[] };
    const errors = incidents.find((i) => i.family === 'errors');
    assert.ok(errors, list.body);
    assert.equal(errors.status, 'open');
    assert.ok(errors.badRequests > 0);
    const one = await app.inject({ method: 'GET', url: `/api/insights/${encodeURIComponent(errors.id)}` });
    assert.equal(one.statusCode, 200);
    const incident = one.json() as { timeline: { kind: string }[]; candidates: unknown[]; samples: { traceId: string; story: string }[]; onset: string };
    assert.equal(incident.timeline[0]?.kind, 'opened');
    // No enrichment here (no instances, no tenants): the candidates may be few, the samples are still there.
    assert.ok(Array.isArray(incident.candidates));
    assert.equal(incident.samples.length, 5);
    assert.equal(incident.samples[0]?.story, `/api/story/${incident.samples[0]?.traceId}`);
    assert.equal(Date.parse(incident.onset), ONSET);
    const missing = await app.inject({ method: 'GET', url: '/api/insights/nope' });
    assert.equal(missing.statusCode, 404);
    assert.equal((missing.json() as { error: string }).error, 'TINSEL_ERR_INCIDENT_NOT_FOUND');
  });

  it('creates, lists and deletes alert rules, refusing a bad one with the field named', async () => {
    const rule = { name: 'lb-504', query: 'status:504 | stats count() by instance_id', condition: '> 5', window: '5m', for: '1m' };
    const created = await app.inject({ method: 'POST', url: '/api/alerts', payload: rule });
    assert.equal(created.statusCode, 201, created.body);
    const listed = (await app.inject({ method: 'GET', url: '/api/alerts' })).json() as { rules: { name: string; condition: string }[] };
    assert.deepEqual(listed.rules.map((r) => [r.name, r.condition]), [['lb-504', '> 5']]);
    const bad = await app.inject({ method: 'POST', url: '/api/alerts', payload: { ...rule, condition: 'often' } });
    assert.equal(bad.statusCode, 400);
    assert.match((bad.json() as { message: string }).message, /^condition:/);
    assert.equal((await app.inject({ method: 'DELETE', url: '/api/alerts/lb-504' })).statusCode, 204);
    assert.equal((await app.inject({ method: 'DELETE', url: '/api/alerts/lb-504' })).statusCode, 404);
  });

  it('adds and removes silences', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/silences', payload: { rule: 'lb-504', matchers: { instance_id: 'i-1' }, duration: '2h', comment: 'deploying' } });
    assert.equal(created.statusCode, 201, created.body);
    const { silence } = created.json() as { silence: { id: string; endsAt: string; startsAt: string } };
    assert.equal(Date.parse(silence.endsAt) - Date.parse(silence.startsAt), 7_200_000);
    const refused = await app.inject({ method: 'POST', url: '/api/silences', payload: { duration: '1h' } });
    assert.equal(refused.statusCode, 400);
    assert.equal((refused.json() as { error: string }).error, 'TINSEL_ERR_SILENCE_INVALID');
    assert.equal((await app.inject({ method: 'DELETE', url: `/api/silences/${silence.id}` })).statusCode, 204);
  });
});
