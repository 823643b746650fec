// The crash test: 20 SIGKILLs under sustained ingest of every signal by
// real clients; every acknowledged event must be in the store exactly once.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCrashTest } from './crash-harness.ts';

describe('durability across SIGKILL', () => {
  it('keeps every acknowledged event exactly once through 20 kills', { timeout: 600_000 }, async (t) => {
    const report = await runCrashTest({ kills: 20, dataDir: mkdtempSync(join(tmpdir(), 'tinsel-crash-')), log: (line) => t.diagnostic(line) });
    t.diagnostic(`seed ${report.seed}, ${report.kills} kills in ${(report.elapsedMs / 1000).toFixed(0)} s`);
    for (const s of report.signals) {
      t.diagnostic(`${s.signal}: ${s.acked} acknowledged (${s.batches.acked} batches), ${s.unacked} not (${s.batches.failed} failed batches, ${s.unackedStored} of them stored anyway), ${s.lost.length} lost, ${s.duplicated.length} duplicated`);
    }
    t.diagnostic(`xray-udp: ${report.xrayUdp.sent} sent, ${report.xrayUdp.stored} stored (no acknowledgement)`);
    for (const s of report.signals) {
      assert.ok(s.acked > 0, `${s.signal}: something was acknowledged`);
      // The OTLP exporter resends through a restart, so its batches only ever succeed late.
      if (s.signal !== 'crash-otlp') assert.ok(s.batches.failed > 0, `${s.signal}: the kills interrupted it`);
      assert.deepEqual(s.lost.slice(0, 5), [], `${s.signal}: acknowledged but lost (seed ${report.seed})`);
      assert.deepEqual(s.duplicated.slice(0, 5), [], `${s.signal}: stored twice (seed ${report.seed})`);
    }
  });
});
