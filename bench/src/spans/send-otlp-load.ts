import type { OtlpBody } from './build-otlp-bodies.ts';

export interface OtlpLoadOptions {
  /** `http://127.0.0.1:4318/v1/traces` */
  url: string;
  bodies: readonly OtlpBody[];
  /** Requests in flight at once. */
  concurrency: number;
  /** Sent first and not counted: the server's JIT and caches warm up. */
  warmupSeconds: number;
  windows: number;
  windowSeconds: number;
}

export interface OtlpLoadResult {
  /** Spans acknowledged (200) per second, one figure per window. */
  windowRates: number[];
  /** Spans sent and acknowledged over the whole run, warm-up included. */
  spansSent: number;
  spansAccepted: number;
  requests: number;
  failures: number;
  /** True when the run went through the bodies more than once. */
  repeated: boolean;
}

/**
 * Posts pre-encoded OTLP protobuf bodies over loopback from `concurrency`
 * loops for a fixed time, and counts the spans the server acknowledged in
 * each window (by when the answer came). Every loop stops at the deadline
 * or after a fixed number of requests, whichever comes first.
 *
 * @example
 * const { windowRates } = await sendOtlpLoad({ url, bodies, concurrency: 4, warmupSeconds: 1, windows: 5, windowSeconds: 2 });
 */
export async function sendOtlpLoad(options: OtlpLoadOptions): Promise<OtlpLoadResult> {
  const { bodies } = options;
  const start = performance.now();
  const measureFrom = start + options.warmupSeconds * 1000;
  const deadline = measureFrom + options.windows * options.windowSeconds * 1000;
  const maxRequests = Math.ceil((options.warmupSeconds + options.windows * options.windowSeconds) * 10_000);
  const accepted = new Array<number>(options.windows).fill(0);
  const result = { spansSent: 0, spansAccepted: 0, requests: 0, failures: 0 };
  const loop = async (): Promise<void> => {
    while (performance.now() < deadline && result.requests < maxRequests) {
      const body = bodies[result.requests++ % bodies.length]!;
      result.spansSent += body.spans;
      const ok = await post(options.url, body.bytes);
      const now = performance.now();
      if (!ok) {
        result.failures++;
        continue;
      }
      result.spansAccepted += body.spans;
      const window = Math.floor((now - measureFrom) / (options.windowSeconds * 1000));
      if (window >= 0 && window < options.windows) accepted[window]! += body.spans;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, loop));
  return { ...result, windowRates: accepted.map((spans) => spans / options.windowSeconds), repeated: result.requests > bodies.length };
}

async function post(url: string, body: Uint8Array): Promise<boolean> {
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, body });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}
