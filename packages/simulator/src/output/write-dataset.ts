import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDescribeInstances } from '../enrichment/format-describe-instances.ts';
import { formatTenantsCsv } from '../enrichment/format-tenants-csv.ts';
import type { Simulator } from '../simulator.ts';
import { mixSeed } from '../random/seeded-random.ts';
import { ALB_INTERVAL_MS, albObjectKey } from './alb-object-key.ts';
import { LineSink } from './line-sink.ts';

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

// A request's line belongs to the 5-minute file of when ALB answered; a retry
// chain behind 60 s timeouts answers up to ~3 minutes after arrival.
const LATE_MS = 360_000;

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
  const albSinks = new Map<string, { sink: LineSink; intervalEnd: number }>();
  const slices = new IntervalSinks(options.outDir);
  const gzipLevel = options.gzipLevel ?? 6;
  const first = Math.floor(options.from / 1000);
  const last = Math.ceil(options.to / 1000);
  for (let second = first; second < last; second++) {
    const xray = await slices.sink('xray', 'ndjson', second);
    const clef = await slices.sink('clef', 'clef', second);
    // Writes are synchronous; the streams that asked to drain are awaited once a second.
    const draining: Promise<void>[] = [];
    const write = (sink: LineSink, line: string) => {
      const drained = sink.write(line);
      if (drained !== undefined) draining.push(drained);
    };
    for (const plan of sim.plans(second)) {
      const request = sim.render(plan);
      const lb = plan.loadBalancer;
      const node = lb.nodeIps[plan.clientPort % lb.nodeIps.length]!;
      const intervalEnd = Math.floor(plan.respondedAt / 1000 / ALB_INTERVAL_MS) * ALB_INTERVAL_MS + ALB_INTERVAL_MS;
      // Lines answered in a later interval than the one they arrived in go to
      // an object of their own (ALB too delivers several objects per node and
      // interval), so the objects are the same however the window is sliced.
      const arrival = Math.floor(second / (ALB_INTERVAL_MS / 1000));
      const bucket = `${lb.resourceId} ${node} ${intervalEnd} ${arrival}`;
      let entry = albSinks.get(bucket);
      if (entry === undefined) {
        const key = albObjectKey(lb, node, intervalEnd, estate.options.accountId, estate.options.region, mixSeed(estate.options.seed, arrival));
        entry = { sink: new LineSink(join(options.outDir, key), { gzipLevel }), intervalEnd };
        albSinks.set(bucket, entry);
        summary.albFiles++;
      }
      write(entry.sink, request.albLine);
      if (request.segment !== null) {
        write(xray, request.segment);
        summary.segments++;
      }
      for (const line of request.logs) write(clef, line);
      summary.requests++;
      summary.logs += request.logs.length;
    }
    await Promise.all(draining);
    if (second % 60 === 59) {
      for (const [key, entry] of albSinks) {
        if (entry.intervalEnd < second * 1000 - LATE_MS) {
          albSinks.delete(key);
          await entry.sink.close();
        }
      }
      summary.records = summary.requests + summary.segments + summary.logs;
      options.onProgress?.(summary, second);
    }
  }
  await Promise.all([...albSinks.values()].map((entry) => entry.sink.close()));
  await slices.close();
  if (options.enrichment !== false) writeEnrichment(sim, options.outDir, options.to);
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

/** One file per kind per 5 minutes of arrival, so a sliced run writes the same files. */
class IntervalSinks {
  private readonly open = new Map<string, { sink: LineSink; interval: number }>();

  constructor(private readonly dir: string) {}

  async sink(kind: string, extension: string, epochSecond: number): Promise<LineSink> {
    const interval = Math.floor((epochSecond * 1000) / ALB_INTERVAL_MS);
    const current = this.open.get(kind);
    if (current !== undefined && current.interval === interval) return current.sink;
    await current?.sink.close();
    const name = new Date(interval * ALB_INTERVAL_MS).toISOString().slice(0, 16).replace(/[-:]/g, '');
    const sink = new LineSink(join(this.dir, kind, `${kind}-${name}.${extension}`), { gzipLevel: null });
    this.open.set(kind, { sink, interval });
    return sink;
  }

  async close(): Promise<void> {
    await Promise.all([...this.open.values()].map((entry) => entry.sink.close()));
    this.open.clear();
  }
}
