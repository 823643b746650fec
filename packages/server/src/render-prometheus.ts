/**
 * Counters and gauges in the Prometheus text exposition format.
 *
 * @example
 * renderPrometheus({ tinsel_otlp_spans_total: 3 }, { tinsel_ingest_inflight_requests: 1 })
 * // '# TYPE tinsel_otlp_spans_total counter\ntinsel_otlp_spans_total 3\n# TYPE tinsel_ingest_inflight_requests gauge\n…'
 */
export function renderPrometheus(counters: Record<string, number>, gauges: Record<string, number> = {}): string {
  const lines = (type: string, values: Record<string, number>) =>
    Object.entries(values)
      .map(([name, value]) => `# TYPE ${name} ${type}\n${name} ${Number.isFinite(value) ? value : 0}\n`)
      .join('');
  return lines('counter', counters) + lines('gauge', gauges);
}
