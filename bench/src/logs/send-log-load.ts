import type { LogBody } from './encode-log-bodies.ts';

export interface LogLoadOptions {
  url: string;
  contentType: string;
  /** The status the endpoint answers on success (Seq: 201, OTLP and bulk: 200). */
  okStatus: number;
  bodies: readonly LogBody[];
  /** Requests in flight at once. */
  concurrency: number;
  /** Sent first and not counted: the server's JIT and caches warm up. */
  warmupSeconds: number;
  seconds: number;
  /** Reads the answer and says whether every event in it was accepted (bulk's `errors` flag). */
  check?: (text: string) => boolean;
}

export interface LogLoadResult {
  /** Events acknowledged per second within the measured span. */
  eventsPerSecond: number;
  /** Events acknowledged over the whole run, warm-up included. */
  eventsAccepted: number;
  requests: number;
  failures: number;
  /** Milliseconds from sending each measured request to its answer. */
  latenciesMs: number[];
}

/**
 * Posts pre-encoded log bodies over loopback from `concurrency` loops for
 * a fixed time; counts the events acknowledged after the warm-up and the
 * acknowledgement latency of each request. Bounded in time and in count.
 *
 * @example
 * const load = await sendLogLoad({ url, contentType: 'application/vnd.serilog.clef', okStatus: 201, bodies, concurrency: 4, warmupSeconds: 1, seconds: 5 });
 */
export async function sendLogLoad(options: LogLoadOptions): Promise<LogLoadResult> {
  const start = performance.now();
  const measureFrom = start + options.warmupSeconds * 1000;
  const deadline = measureFrom + options.seconds * 1000;
  const maxRequests = Math.ceil((options.warmupSeconds + options.seconds) * 2_000);
  const result = { eventsAccepted: 0, measured: 0, requests: 0, failures: 0, latenciesMs: [] as number[] };
  const loop = async (): Promise<void> => {
    while (performance.now() < deadline && result.requests < maxRequests) {
      const body = options.bodies[result.requests++ % options.bodies.length]!;
      const sent = performance.now();
      const ok = await post(options, body.bytes);
      const now = performance.now();
      if (!ok) {
        result.failures++;
        continue;
      }
      result.eventsAccepted += body.events;
      if (sent >= measureFrom && now <= deadline) {
        result.measured += body.events;
        result.latenciesMs.push(now - sent);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, loop));
  return { eventsPerSecond: result.measured / options.seconds, eventsAccepted: result.eventsAccepted, requests: result.requests, failures: result.failures, latenciesMs: result.latenciesMs };
}

async function post(options: LogLoadOptions, body: Buffer): Promise<boolean> {
  try {
    const response = await fetch(options.url, { method: 'POST', headers: { 'content-type': options.contentType }, body });
    const text = await response.text();
    return response.status === options.okStatus && (options.check?.(text) ?? true);
  } catch {
    return false;
  }
}
