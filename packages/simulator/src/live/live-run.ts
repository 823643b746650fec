import type { SimulatedRequest, Simulator } from '../simulator.ts';
import type { LiveSender, SentCounts } from './live-sender.ts';

/** When a request can be told: once the ALB has answered and the app has finished. */
function dueAt(request: SimulatedRequest): number {
  const appEnd = request.plan.app === null ? 0 : request.plan.app.end;
  return Math.max(request.plan.respondedAt, appEnd) / 1000;
}

/**
 * Live traffic at wall-clock time: each tick plans every second that has
 * passed and sends each request once it would have finished (a 504 after
 * its 60 s timeout). `nextSecond` is where the plan stands; a request not
 * yet sent when the run stops is dropped, never sent twice.
 *
 * @example
 * const run = new LiveRun(sim, sender, Math.floor(Date.now() / 1000));
 * setInterval(() => void run.tick(Date.now()), 1000);
 */
export class LiveRun {
  private queue: SimulatedRequest[] = [];
  readonly totals: SentCounts = { requests: 0, segments: 0, logs: 0 };

  constructor(private readonly sim: Simulator, private readonly sender: LiveSender, public nextSecond: number, private readonly onSent: (sent: SimulatedRequest[]) => void = () => {}) {}

  /** Plans every second that has passed by `now` (epoch ms); nothing is sent yet. */
  plan(now: number): void {
    const last = Math.floor(now / 1000) - 1;
    for (; this.nextSecond <= last; this.nextSecond++) this.queue.push(...this.sim.requests(this.nextSecond));
  }

  /**
   * Sends the planned requests that are due by `now`. With `backfill`, a long
   * stretch goes in one go and segments use PutTraceSegments.
   */
  async flush(now: number, backfill = false): Promise<SentCounts> {
    const due: SimulatedRequest[] = [];
    const waiting: SimulatedRequest[] = [];
    for (const request of this.queue) (dueAt(request) <= now ? due : waiting).push(request);
    this.queue = waiting;
    if (due.length === 0) return { requests: 0, segments: 0, logs: 0 };
    const sent = await this.sender.send(due, backfill);
    this.totals.requests += sent.requests;
    this.totals.segments += sent.segments;
    this.totals.logs += sent.logs;
    this.onSent(due);
    return sent;
  }

  /** Plans and sends in one step. */
  async tick(now: number, backfill = false): Promise<SentCounts> {
    this.plan(now);
    return this.flush(now, backfill);
  }
}
