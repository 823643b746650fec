/** Counters in the Prometheus text exposition format. */
export function renderPrometheus(counters: Record<string, number>): string {
  return Object.entries(counters)
    .map(([name, value]) => `# TYPE ${name} counter\n${name} ${value}\n`)
    .join('');
}
