import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IncidentKind } from '@tinsel/simulator';
import { Detector } from './detector.ts';
import { IncidentRepository } from './incidents/incident-repository.ts';
import { openSimulatedStore } from './simulated-store.test-support.ts';

const MINUTE = 60_000;
const ONSET = Date.UTC(2026, 10, 24, 14, 0);
const findings: string[] = [];

after(() => {
  for (const line of findings) console.log(line);
});

/** The dimension and value that the simulator's incident injected. */
type Expect = (sim: Awaited<ReturnType<typeof openSimulatedStore>>['sim']) => { dimension: string; values: string[] };

const cases: { kind: IncidentKind; expect: Expect }[] = [
  { kind: 'degraded-host', expect: (sim) => ({ dimension: 'instance_id', values: [sim.timeline.at(sim.incidents[0]!.slot, ONSET).instanceId] }) },
  { kind: 'bad-deploy', expect: (sim) => ({ dimension: 'app_version', values: [sim.incidents[0]!.version] }) },
  { kind: 'db-overload', expect: (sim) => ({ dimension: 'db_server', values: [sim.incidents[0]!.dbServer] }) },
  { kind: 'target-timeouts', expect: (sim) => ({ dimension: 'instance_id', values: [sim.timeline.at(sim.incidents[0]!.slot, ONSET).instanceId] }) },
  { kind: 'client-disconnects', expect: () => ({ dimension: 'route', values: ['GET /search', 'POST /checkout'] }) },
];

describe('Detector against the simulator', () => {
  for (const { kind, expect } of cases) {
    it(`opens a ${kind} incident within 3 minutes and names the injected ${kind === 'bad-deploy' ? 'version' : 'dimension'}`, async () => {
      const env = await openSimulatedStore({ fromMs: ONSET - 45 * MINUTE, toMs: ONSET + 10 * MINUTE, rate: 20, incidents: [{ kind, start: ONSET, durationMs: 5 * MINUTE, target: null }] });
      try {
        const detector = new Detector({ store: env.store, repository: new IncidentRepository(env.store) });
        let falsePositives = 0;
        let opened: { at: number; top: string; dimension: string; value: string } | null = null;
        for (let now = ONSET - 30 * MINUTE; now <= ONSET + 4 * MINUTE && opened === null; now += MINUTE) {
          const report = await detector.runCycle(now);
          const first = report.changed.find((i) => i.timeline.length === 1 && i.status === 'open');
          if (first && now <= ONSET) falsePositives += 1;
          else if (first) {
            const top = first.candidates[0];
            opened = { at: now, top: top ? `${top.dimension}=${top.value}` : 'none', dimension: top?.dimension ?? '', value: top?.value ?? '' };
            assert.equal(first.sampleTraceIds.length, 5);
            const stored = await new IncidentRepository(env.store).get(first.id);
            assert.equal(stored?.id, first.id);
          }
        }
        const want = expect(env.sim);
        findings.push(`${kind}: detection delay ${opened ? (opened.at - ONSET) / MINUTE : '-'} min (cycle after onset), false positives before onset ${falsePositives}, top candidate ${opened?.top ?? '-'}`);
        assert.equal(falsePositives, 0);
        assert.ok(opened, `${kind}: no incident within 3 minutes`);
        assert.ok(opened.at - ONSET <= 4 * MINUTE);
        assert.equal(opened.dimension, want.dimension);
        assert.ok(want.values.includes(opened.value), `${opened.value} is not one of ${want.values.join(', ')}`);
      } finally {
        await env.close();
      }
    });
  }
});
