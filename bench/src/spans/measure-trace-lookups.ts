import { percentile } from './percentile.ts';
import type { LoadResult } from './server-messages.ts';
import { timeTraceLookups, type LookupTimes } from './time-trace-lookups.ts';
import type { TinselServerProcess } from './tinsel-server-process.ts';

// Lookups run before timing starts, on other traces: the first query of a
// process pays for plans and cold pages once.
const WARMUP_LOOKUPS = 10;

export interface TraceLookupFigures extends LookupTimes {
  load: LoadResult;
  spanRows: number;
  bytesOnDisk: number;
  compactSeconds: number;
  p50: number;
  p99: number;
}

/**
 * Tops the store up to `totalSpans` spans with generated traces appended
 * straight to the spans table (traces spread evenly over the `hours` before
 * now), checkpoints it, then times `GET /api/traces/:id` by X-Ray id for
 * `lookups` traces drawn uniformly from those loaded.
 *
 * @example
 * const lookups = await measureTraceLookups(server, { totalSpans: 1_000_000, hours: 24, lookups: 500, seed: 3 });
 */
export async function measureTraceLookups(
  server: TinselServerProcess,
  options: { totalSpans: number; hours: number; lookups: number; seed: number; onLoaded?: (load: LoadResult) => void },
): Promise<TraceLookupFigures> {
  const { spanRows: already } = await server.stats();
  const now = Date.now() * 1000;
  const load = await server.load({
    spans: Math.max(1, options.totalSpans - already),
    seed: options.seed,
    fromMicros: now - options.hours * 3_600_000_000,
    toMicros: now,
    sample: options.lookups + WARMUP_LOOKUPS,
  });
  options.onLoaded?.(load);
  const compacting = performance.now();
  await server.compact();
  const compactSeconds = (performance.now() - compacting) / 1000;
  const stats = await server.stats();
  const api = server.addresses.api;
  await timeTraceLookups(api, load.sample.slice(0, WARMUP_LOOKUPS), 60);
  const times = await timeTraceLookups(api, load.sample.slice(WARMUP_LOOKUPS), Math.max(60, options.lookups / 2));
  return { ...times, load, spanRows: stats.spanRows, bytesOnDisk: stats.bytesOnDisk, compactSeconds, p50: percentile(times.millis, 50), p99: percentile(times.millis, 99) };
}
