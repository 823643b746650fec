/** A reading of current levels (queue depths, bytes in flight), as opposed to counters that only grow. */
export type GaugeSource = () => Record<string, number>;

/**
 * The gauges /metrics shows, gathered from whoever holds the levels: the
 * ingest gate, the log commit queue, the UDP span batcher, the process.
 */
export class Gauges {
  private readonly sources: GaugeSource[] = [];

  add(source: GaugeSource): void {
    this.sources.push(source);
  }

  read(): Record<string, number> {
    const values: Record<string, number> = {};
    for (const source of this.sources) Object.assign(values, source());
    return values;
  }
}

/** The process's own memory, in the names Prometheus's client libraries use. */
export function processGauges(): Record<string, number> {
  const memory = process.memoryUsage();
  return { process_resident_memory_bytes: memory.rss, nodejs_heap_used_bytes: memory.heapUsed, nodejs_external_memory_bytes: memory.external };
}
