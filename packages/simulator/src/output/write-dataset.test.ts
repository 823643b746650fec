import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import { createEnricher, parseAlbKey, parseAlbLine, parseEnrichmentConfig } from '@tinsel/ingest';
import type { RequestRecord } from '@tinsel/model';
import { Simulator } from '../simulator.ts';
import { writeDataset, type DatasetSummary } from './write-dataset.ts';
import { writeDatasetInParallel } from './write-dataset-in-parallel.ts';

const FROM = Date.UTC(2026, 10, 24, 15, 58, 0);
const TO = Date.UTC(2026, 10, 24, 16, 8, 0);
const RECYCLE = Date.UTC(2026, 10, 24, 16, 2, 0);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('writeDataset', () => {
  let dir: string;
  let sim: Simulator;
  let summary: DatasetSummary;
  const options = () => ({ estate: { seed: 5 }, genesis: Date.UTC(2026, 10, 1), traffic: { peakRate: 10 }, incidents: [{ kind: 'instance-recycle' as const, start: RECYCLE, durationMs: 0, target: '0' }] });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tinsel-sim-'));
    sim = new Simulator(options());
    summary = await writeDataset(sim, { outDir: dir, from: FROM, to: TO });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes ALB objects in the S3 key layout, one per node per 5 minutes, holding every request once', () => {
    const objects = filesUnder(join(dir, 'AWSLogs'));
    assert.equal(objects.length, summary.albFiles);
    const traceIds = new Set<string>();
    for (const file of objects) {
      const meta = parseAlbKey(file);
      assert.ok(meta, file);
      assert.equal(meta.accountId, '123456789012');
      assert.equal(meta.lbName, 'web-prod');
      assert.ok(sim.estate.loadBalancers[0]!.nodeIps.includes(meta.nodeIp));
      const end = Date.parse(meta.endTime);
      for (const line of gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n')) {
        const row = parseAlbLine(line, file);
        assert.ok(row.ok, line);
        const time = row.value.time / 1000;
        assert.ok(time < end && time >= end - 300_000, `${line} is not in the file ending ${meta.endTime}`);
        // Attempts of a traced client's retries share a Root and differ by Self.
        traceIds.add(`${row.value.trace_id} ${row.value.trace_fields}`);
      }
    }
    assert.equal(traceIds.size, summary.requests);
  });

  it('writes X-Ray documents and CLEF events as NDJSON by 5 minutes', () => {
    const lines = (kind: string) => filesUnder(join(dir, kind)).flatMap((f) => readFileSync(f, 'utf8').trimEnd().split('\n'));
    assert.equal(lines('xray').length, summary.segments);
    assert.equal(lines('clef').length, summary.logs);
    assert.ok(lines('clef').every((line) => typeof (JSON.parse(line) as Record<string, unknown>)['@t'] === 'string'));
  });

  it('is the same dataset on a second run with the same seed, written by two workers', async () => {
    const again = mkdtempSync(join(tmpdir(), 'tinsel-sim-'));
    try {
      const twice = await writeDatasetInParallel(options(), { outDir: again, from: FROM, to: TO }, 2);
      assert.deepEqual(twice, summary);
      const relative = (root: string) => filesUnder(root).map((f) => f.slice(root.length)).sort();
      assert.deepEqual(relative(again), relative(dir));
      for (const file of relative(dir)) assert.ok(readFileSync(join(dir, file)).equals(readFileSync(join(again, file))), file);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it('enriches every row through its own tinsel.yaml, the recycled IP to the right instance', async () => {
    const config = parseEnrichmentConfig((parseYaml(readFileSync(join(dir, 'tinsel.yaml'), 'utf8')) as { enrichment: unknown }).enrichment, dir);
    assert.ok(config.ok);
    const enricher = await createEnricher(config.value);
    try {
      const expected = new Map<string, { tenant: string; instance: string; version: string }>();
      const keyOf = (traceId: string, self: string | null) => `${traceId} ${self ?? ''}`;
      for (let s = FROM / 1000; s < TO / 1000; s++) {
        for (const plan of sim.plans(s)) expected.set(keyOf(plan.traceId.slice(2).replace('-', ''), plan.self), { tenant: plan.tenant.tenant, instance: plan.instance.instanceId, version: plan.instance.appVersion });
      }
      const rows: RequestRecord[] = filesUnder(join(dir, 'AWSLogs')).flatMap((file) =>
        gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n').map((line) => {
          const row = parseAlbLine(line, file);
          assert.ok(row.ok);
          return row.value;
        }),
      );
      enricher.enrich(rows);
      const recycledIp = sim.timeline.at(0, RECYCLE).ip;
      const onRecycledIp = new Set(rows.filter((r) => r.target_ip === recycledIp).map((r) => r.instance_id));
      assert.equal(onRecycledIp.size, 2);
      for (const row of rows) {
        const want = expected.get(keyOf(row.trace_id!, row.trace_fields?.match(/Self=([^;]+)/)?.[1] ?? null))!;
        assert.deepEqual({ tenant: row.tenant, instance: row.instance_id, version: row.app_version }, want);
      }
    } finally {
      enricher.close();
    }
  });
});
