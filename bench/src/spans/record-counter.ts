export interface CounterSample {
  /** performance.now() when the value was read. */
  at: number;
  value: number;
}

/**
 * Reads one counter every `everyMs` until `done` settles, bounded by
 * `maxSamples`: the counter's course over a run, to take rates from.
 *
 * @example
 * const samples = await recordCounter(() => server.counters(), 'tinsel_xray_udp_spans_stored_total', 100, sending, 10_000);
 */
export async function recordCounter(read: () => Promise<Record<string, number>>, key: string, everyMs: number, done: Promise<unknown>, maxSamples: number): Promise<CounterSample[]> {
  const samples: CounterSample[] = [];
  let finished = false;
  void done.finally(() => (finished = true));
  while (!finished && samples.length < maxSamples) {
    const counters = await read();
    samples.push({ at: performance.now(), value: counters[key] ?? 0 });
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return samples;
}

/**
 * The counter's rate per second from `from` to `to` (performance.now()
 * times), between the samples nearest each end; null without two distinct
 * samples.
 *
 * @example
 * rateBetween(samples, start + 1_000, end) // 49_310
 */
export function rateBetween(samples: readonly CounterSample[], from: number, to: number): number | null {
  const a = nearest(samples, from);
  const b = nearest(samples, to);
  return a && b && b.at > a.at ? ((b.value - a.value) * 1000) / (b.at - a.at) : null;
}

function nearest(samples: readonly CounterSample[], at: number): CounterSample | undefined {
  let best: CounterSample | undefined;
  for (const sample of samples) if (!best || Math.abs(sample.at - at) < Math.abs(best.at - at)) best = sample;
  return best;
}
