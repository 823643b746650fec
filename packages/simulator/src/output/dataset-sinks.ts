import { join } from 'node:path';
import type { Estate } from '../estate/estate.ts';
import { mixSeed } from '../random/seeded-random.ts';
import type { RequestPlan } from '../request/request-plan.ts';
import { ALB_INTERVAL_MS, albObjectKey } from './alb-object-key.ts';
import { LineSink } from './line-sink.ts';

// A request's line belongs to the 5-minute file of when ALB answered; a retry
// chain behind 60 s timeouts answers up to ~3 minutes after arrival.
const LATE_MS = 360_000;
const SLICE_SECONDS = ALB_INTERVAL_MS / 1000;

interface AlbObject {
  sink: LineSink;
  intervalEnd: number;
}

/**
 * The open files of a dataset being written: ALB objects per load-balancer
 * node and 5 minutes of response (a second, small object for lines
 * answered in a later interval than the one they arrived in, so the objects
 * are the same however the window is sliced), and one X-Ray and one CLEF
 * file per 5 minutes of arrival.
 *
 * @example
 * const sinks = new DatasetSinks(estate, outDir, 1);
 * await sinks.startSecond(second);
 * writeAlbLine(sinks.alb(plan).out, plan);
 */
export class DatasetSinks {
  /** Objects created so far. */
  albObjects = 0;
  private readonly albByBucket = new Map<string, AlbObject>();
  // This second's buckets by number (lateness, load balancer, node): the string key costs more than the line.
  private readonly albThisSecond = new Map<number, LineSink>();
  private second = 0;
  private xraySink: LineSink | null = null;
  private clefSink: LineSink | null = null;

  constructor(
    private readonly estate: Estate,
    private readonly dir: string,
    private readonly gzipLevel: number,
  ) {}

  get xray(): LineSink {
    return this.xraySink!;
  }

  get clef(): LineSink {
    return this.clefSink!;
  }

  /** Opens the X-Ray and CLEF files of `epochSecond`'s 5 minutes, closing the previous ones. */
  async startSecond(epochSecond: number): Promise<void> {
    this.second = epochSecond;
    this.albThisSecond.clear();
    if (this.xraySink === null || epochSecond % SLICE_SECONDS === 0) {
      await Promise.all([this.xraySink?.close(), this.clefSink?.close()]);
      const name = new Date(Math.floor(epochSecond / SLICE_SECONDS) * ALB_INTERVAL_MS).toISOString().slice(0, 16).replace(/[-:]/g, '');
      this.xraySink = new LineSink(join(this.dir, 'xray', `xray-${name}.ndjson`), { gzipLevel: null });
      this.clefSink = new LineSink(join(this.dir, 'clef', `clef-${name}.clef`), { gzipLevel: null });
    }
  }

  /** The ALB object a request of the current second goes to. */
  alb(plan: RequestPlan): LineSink {
    const lb = plan.loadBalancer;
    const node = plan.clientPort % lb.nodeIps.length;
    const interval = Math.floor(plan.respondedAt / 1000 / ALB_INTERVAL_MS);
    const arrival = Math.floor(this.second / SLICE_SECONDS);
    const lbIndex = this.estate.loadBalancers.indexOf(lb);
    const slot = lbIndex >= 0 && node < 16 ? ((interval - arrival) * this.estate.loadBalancers.length + lbIndex) * 16 + node : -1;
    return this.albThisSecond.get(slot) ?? this.openAlb(plan, node, interval, arrival, slot);
  }

  /** Closes the ALB objects no request can reach any more. */
  async closeLate(epochSecond: number): Promise<void> {
    for (const [key, entry] of this.albByBucket) {
      if (entry.intervalEnd < epochSecond * 1000 - LATE_MS) {
        this.albByBucket.delete(key);
        await entry.sink.close();
      }
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.albByBucket.values()].map((entry) => entry.sink.close()));
    this.albByBucket.clear();
    await Promise.all([this.xraySink?.close(), this.clefSink?.close()]);
    this.xraySink = this.clefSink = null;
  }

  private openAlb(plan: RequestPlan, node: number, interval: number, arrival: number, slot: number): LineSink {
    const lb = plan.loadBalancer;
    const nodeIp = lb.nodeIps[node]!;
    const intervalEnd = interval * ALB_INTERVAL_MS + ALB_INTERVAL_MS;
    const bucket = `${lb.resourceId} ${nodeIp} ${intervalEnd} ${arrival}`;
    let entry = this.albByBucket.get(bucket);
    if (entry === undefined) {
      const { accountId, region, seed } = this.estate.options;
      const key = albObjectKey(lb, nodeIp, intervalEnd, accountId, region, mixSeed(seed, arrival));
      entry = { sink: new LineSink(join(this.dir, key), { gzipLevel: this.gzipLevel }), intervalEnd };
      this.albByBucket.set(bucket, entry);
      this.albObjects++;
    }
    if (slot >= 0) this.albThisSecond.set(slot, entry.sink);
    return entry.sink;
  }
}
