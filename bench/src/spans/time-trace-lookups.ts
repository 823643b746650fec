import type { LoadedTrace } from './server-messages.ts';

export interface LookupTimes {
  /** Milliseconds per lookup, in the order they ran. */
  millis: number[];
  /** Lookups that failed or returned another number of spans than the trace has. */
  wrong: number;
  firstWrong: string | null;
}

/**
 * Times `GET /api/traces/:id` over HTTP for each trace, one request at a
 * time (latency, not throughput), by its X-Ray id, and checks that every
 * span of the trace comes back. Stops after `maxSeconds` even if traces
 * remain.
 *
 * @example
 * const { millis } = await timeTraceLookups('http://127.0.0.1:5170', sample, 120);
 */
export async function timeTraceLookups(api: string, traces: readonly LoadedTrace[], maxSeconds: number): Promise<LookupTimes> {
  const millis: number[] = [];
  let wrong = 0;
  let firstWrong: string | null = null;
  const deadline = performance.now() + maxSeconds * 1000;
  for (const trace of traces) {
    if (performance.now() > deadline) break;
    const started = performance.now();
    const problem = await lookUp(api, trace);
    millis.push(performance.now() - started);
    if (problem !== null) {
      wrong++;
      firstWrong ??= `${trace.xrayId}: ${problem}`;
    }
  }
  return { millis, wrong, firstWrong };
}

async function lookUp(api: string, trace: LoadedTrace): Promise<string | null> {
  try {
    const response = await fetch(`${api}/api/traces/${trace.xrayId}`);
    const body = (await response.json()) as { spans?: unknown[] };
    if (response.status !== 200) return `status ${response.status}`;
    const spans = body.spans?.length ?? 0;
    return spans === trace.spans ? null : `${spans} spans, expected ${trace.spans}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
