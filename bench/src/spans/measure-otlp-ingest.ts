import { median } from '../report.ts';
import { buildOtlpBodies } from './build-otlp-bodies.ts';
import { sendOtlpLoad, type OtlpLoadResult } from './send-otlp-load.ts';
import type { TinselServerProcess } from './tinsel-server-process.ts';

// Spans encoded ahead (about 330 bytes each): a faster server goes round them again.
const POOL_SPANS = 200_000;
const WINDOWS = 5;

export interface OtlpIngestFigures extends OtlpLoadResult {
  /** Median of the windows' rates. */
  spansPerSecond: number;
  poolSpans: number;
  poolBytes: number;
  /** What the server's own counter says it stored, for comparison. */
  counted: number;
}

/**
 * OTLP/HTTP protobuf ingest: bodies of 500 to 1,000 spans encoded by
 * OpenTelemetry JS's serializer, posted over loopback by `concurrency`
 * loops; spans acknowledged per second, median of five windows after a
 * second of warm-up.
 *
 * @example
 * const otlp = await measureOtlpIngest(server, { seconds: 10, concurrency: 4, seed: 1 });
 */
export async function measureOtlpIngest(server: TinselServerProcess, options: { seconds: number; concurrency: number; seed: number }): Promise<OtlpIngestFigures> {
  const bodies = buildOtlpBodies(POOL_SPANS, options.seed);
  const before = await server.counters();
  const load = await sendOtlpLoad({
    url: `${server.addresses.otlp}/v1/traces`,
    bodies,
    concurrency: options.concurrency,
    warmupSeconds: 1,
    windows: WINDOWS,
    windowSeconds: options.seconds / WINDOWS,
  });
  const after = await server.counters();
  return {
    ...load,
    spansPerSecond: median(load.windowRates),
    poolSpans: bodies.reduce((sum, b) => sum + b.spans, 0),
    poolBytes: bodies.reduce((sum, b) => sum + b.bytes.length, 0),
    counted: (after.tinsel_otlp_spans_total ?? 0) - (before.tinsel_otlp_spans_total ?? 0),
  };
}
