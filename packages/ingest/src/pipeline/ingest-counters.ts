/**
 * Tinsel's own ingest counters, named `tinsel_<component>_<what>_<unit>_total`
 * and exposed by the server in the Prometheus text format.
 */
export class IngestCounters {
  private readonly values = new Map<string, number>();

  add(name: string, amount = 1): void {
    this.values.set(name, (this.values.get(name) ?? 0) + amount);
  }

  get(name: string): number {
    return this.values.get(name) ?? 0;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.values].sort(([a], [b]) => a.localeCompare(b)));
  }
}
