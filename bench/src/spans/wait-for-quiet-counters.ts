export interface QuietCounters {
  counters: Record<string, number>;
  /** performance.now() of the last change seen in the watched counters. */
  lastChangeAt: number;
}

/**
 * Polls the server's counters until the watched ones have not moved for
 * `quietMs` (the batcher has flushed what it had), or `maxMs` has passed.
 *
 * @example
 * const { counters } = await waitForQuietCounters(() => server.counters(), ['tinsel_xray_udp_spans_stored_total'], 1_000, 60_000);
 */
export async function waitForQuietCounters(read: () => Promise<Record<string, number>>, keys: readonly string[], quietMs: number, maxMs: number): Promise<QuietCounters> {
  const started = performance.now();
  let counters = await read();
  let lastChangeAt = performance.now();
  let signature = keys.map((key) => counters[key] ?? 0).join(',');
  while (performance.now() - lastChangeAt < quietMs && performance.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    counters = await read();
    const now = keys.map((key) => counters[key] ?? 0).join(',');
    if (now !== signature) {
      signature = now;
      lastChangeAt = performance.now();
    }
  }
  return { counters, lastChangeAt };
}
