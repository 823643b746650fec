import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Detector } from './detector.ts';
import { openSimulatedStore } from './simulated-store.test-support.ts';

const MINUTE = 60_000;
const DAY = Date.UTC(2026, 10, 23);

describe('Detector on clean traffic', () => {
  // Scaled down to stay quick: a peak of 8 requests/s (72 to 480 a minute
  // along the daily curve), every other minute of the day judged.
  it('opens no incident across a whole simulated day, trough to peak', async () => {
    const env = await openSimulatedStore({ fromMs: DAY - 60 * MINUTE, toMs: DAY + 1440 * MINUTE, rate: 8 });
    try {
      const detector = new Detector({ store: env.store });
      const opened: string[] = [];
      let cycles = 0;
      for (let now = DAY + MINUTE; now <= DAY + 1440 * MINUTE; now += 2 * MINUTE) {
        const report = await detector.runCycle(now);
        cycles += 1;
        for (const i of report.changed) if (i.timeline.length === 1 && i.status === 'open') opened.push(`${new Date(now).toISOString()} ${i.title}`);
      }
      console.log(`clean day: ${cycles} cycles, ${opened.length} incident(s) opened`);
      assert.deepEqual(opened, []);
    } finally {
      await env.close();
    }
  });
});

describe('Detector on an instance recycle', () => {
  it('opens no incident when the ASG replaces an instance on the same IP', async () => {
    const onset = Date.UTC(2026, 10, 24, 14);
    const env = await openSimulatedStore({ fromMs: onset - 45 * MINUTE, toMs: onset + 10 * MINUTE, rate: 20, incidents: [{ kind: 'instance-recycle', start: onset, durationMs: 0, target: null }] });
    try {
      const detector = new Detector({ store: env.store });
      const opened: string[] = [];
      for (let now = onset - 30 * MINUTE; now <= onset + 8 * MINUTE; now += MINUTE) {
        for (const i of (await detector.runCycle(now)).changed) if (i.timeline.length === 1) opened.push(i.title);
      }
      console.log(`instance-recycle: ${opened.length} incident(s) opened`);
      assert.deepEqual(opened, []);
    } finally {
      await env.close();
    }
  });
});
