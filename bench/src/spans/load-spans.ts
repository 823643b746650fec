import { spansTable, type SpanRecord } from '@tinsel/model';
import type { Store } from '@tinsel/store';
import { SeededRandom } from '../alb/seeded-random.ts';
import { generateTrace } from './generate-trace.ts';
import type { LoadRequest, LoadResult, LoadedTrace } from './server-messages.ts';
import { spanRecordOf } from './span-record-of.ts';

// Rows per append: large enough that DuckDB writes whole row groups, small
// enough that the generator holds a few megabytes at a time.
const BATCH_ROWS = 20_000;
const SPANS_PER_TRACE = 7.4;

/**
 * Generates `request.spans` spans as whole traces, in start order across
 * the time range, and appends them to the store's spans table in batches:
 * the rows the OTLP path would store, without its decoder. Keeps a uniform
 * sample of the traces (reservoir sampling) with their span counts, for
 * lookups that can check what they get back.
 *
 * @example
 * const { sample } = await loadSpans(store, { spans: 1_000_000, seed: 1, fromMicros, toMicros, sample: 500 });
 */
export async function loadSpans(store: Store, request: LoadRequest): Promise<LoadResult> {
  const random = new SeededRandom(request.seed);
  const sampler = new SeededRandom(request.seed + 1);
  const sample: LoadedTrace[] = [];
  const expectedTraces = Math.max(1, Math.round(request.spans / SPANS_PER_TRACE));
  const step = (request.toMicros - request.fromMicros) / expectedTraces;
  const started = performance.now();
  let batch: SpanRecord[] = [];
  let loaded = 0;
  let traces = 0;
  while (loaded < request.spans) {
    const start = Math.min(request.toMicros - 1, Math.round(request.fromMicros + traces * step + random.next() * step));
    const trace = generateTrace(random, start);
    for (const span of trace) batch.push(spanRecordOf(span));
    loaded += trace.length;
    traces++;
    const seen: LoadedTrace = { xrayId: `1-${trace[0]!.traceId.slice(0, 8)}-${trace[0]!.traceId.slice(8)}`, spans: trace.length };
    if (sample.length < request.sample) sample.push(seen);
    else {
      const slot = sampler.int(traces);
      if (slot < request.sample) sample[slot] = seen;
    }
    if (batch.length >= BATCH_ROWS) {
      await store.append(spansTable, batch);
      batch = [];
    }
  }
  await store.append(spansTable, batch);
  return { spans: loaded, traces, seconds: (performance.now() - started) / 1000, sample };
}
