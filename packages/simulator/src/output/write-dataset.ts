import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDescribeInstances } from '../enrichment/format-describe-instances.ts';
import { formatTenantsCsv } from '../enrichment/format-tenants-csv.ts';
import { writeAlbLine } from '../format/format-alb-line.ts';
import { writeClefEvents } from '../format/format-clef-events.ts';
import { writeXraySegment } from '../format/format-xray-segment.ts';
import type { Simulator } from '../simulator.ts';
import { DatasetSinks } from './dataset-sinks.ts';
import type { LineSink } from './line-sink.ts';

/** Counts of what a dataset holds. */
export interface DatasetSummary {
  requests: number;
  segments: number;
  logs: number;
  albFiles: number;
  /** requests + segments + logs. */
  records: number;
}

export interface DatasetOptions {
  outDir: string;
  /** Epoch ms, inclusive; whole seconds are simulated. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  /** gzip level of the ALB objects (1 fastest … 9 smallest). */
  gzipLevel?: number;
  /** Write instances.json, tenants.csv and tinsel.yaml (default true). */
  enrichment?: boolean;
  /** Called after each simulated minute. */
  onProgress?: (summary: DatasetSummary, epochSecond: number) => void;
}

/**
 * Writes a window of the simulated estate as files: ALB objects in the S3
 * key layout under `AWSLogs/`, X-Ray documents (`xray/*.ndjson`, one per
 * line) and CLEF events (`clef/*.clef`) by 5 minutes of arrival, and the enrichment inputs
 * (`instances.json` as describe-instances prints it, `tenants.csv`) with a
 * `tinsel.yaml` that points at them.
 *
 * @example
 * await writeDataset(sim, { outDir: './dataset', from: Date.UTC(2026, 10, 24, 17), to: Date.UTC(2026, 10, 24, 18) });
 */
export async function writeDataset(sim: Simulator, options: DatasetOptions): Promise<DatasetSummary> {
  const { estate } = sim;
  mkdirSync(options.outDir, { recursive: true });
  const summary: DatasetSummary = { requests: 0, segments: 0, logs: 0, albFiles: 0, records: 0 };
  const sinks = new DatasetSinks(estate, options.outDir, options.gzipLevel ?? 6);
  const first = Math.floor(options.from / 1000);
  const last = Math.ceil(options.to / 1000);
  // Writes are synchronous; the streams that asked to drain are awaited once a second.
  const draining: Promise<void>[] = [];
  const commit = (sink: LineSink, lines: number) => {
    const drained = sink.commit(lines);
    if (drained !== undefined) draining.push(drained);
  };
  for (let second = first; second < last; second++) {
    await sinks.startSecond(second);
    const { xray, clef } = sinks;
    for (const plan of sim.plans(second)) {
      const alb = sinks.alb(plan);
      writeAlbLine(alb.out, plan);
      commit(alb, 1);
      const segments = writeXraySegment(xray.out, estate, plan);
      commit(xray, segments);
      const logs = writeClefEvents(clef.out, estate, plan);
      commit(clef, logs);
      summary.requests++;
      summary.segments += segments;
      summary.logs += logs;
    }
    await Promise.all(draining);
    draining.length = 0;
    if (second % 60 === 59) {
      await sinks.closeLate(second);
      summary.albFiles = sinks.albObjects;
      summary.records = summary.requests + summary.segments + summary.logs;
      options.onProgress?.(summary, second);
    }
  }
  await sinks.close();
  if (options.enrichment !== false) writeEnrichment(sim, options.outDir, options.to);
  summary.albFiles = sinks.albObjects;
  summary.records = summary.requests + summary.segments + summary.logs;
  return summary;
}

/** Writes instances.json (as of `asOf`), tenants.csv and a tinsel.yaml that enriches with them. */
export function writeEnrichment(sim: Simulator, dir: string, asOf: number): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'instances.json'), formatDescribeInstances(sim.estate, sim.timeline.instances, asOf));
  writeFileSync(join(dir, 'tenants.csv'), formatTenantsCsv(sim.estate));
  writeFileSync(join(dir, 'tinsel.yaml'), '# Enrichment for this simulated dataset.\nenrichment:\n  tenants:\n    file: ./tenants.csv\n  instances:\n    file: ./instances.json\n');
}
