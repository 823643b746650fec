import { SeededRandom } from '../alb/seeded-random.ts';
import { encodeOtlpRequest } from './encode-otlp-request.ts';
import { generateTrace } from './generate-trace.ts';

export interface OtlpBody {
  bytes: Uint8Array;
  spans: number;
}

/**
 * About `spans` spans as OTLP protobuf request bodies of 500 to 1,000 spans
 * each (whole traces, several services per body, as a Collector forwards
 * them), traces starting over the last minute: encoded before any timing
 * starts, so that the sender only sends.
 *
 * @example
 * const bodies = buildOtlpBodies(100_000, 1);
 */
export function buildOtlpBodies(spans: number, seed: number): OtlpBody[] {
  const random = new SeededRandom(seed);
  const bodies: OtlpBody[] = [];
  const start = Date.now() * 1000 - 60_000_000;
  let pending: ReturnType<typeof generateTrace> = [];
  let size = 500 + random.int(501);
  let built = 0;
  for (let trace = 0; built < spans; trace++) {
    for (const span of generateTrace(random, start + trace * 250)) pending.push(span);
    if (pending.length < size) continue;
    bodies.push({ bytes: encodeOtlpRequest(pending), spans: pending.length });
    built += pending.length;
    pending = [];
    size = 500 + random.int(501);
  }
  return bodies;
}
