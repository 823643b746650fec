// `npm run bench -- insights [--scale S] [--runs R] [--memory 1GB]`: generates
// (once, cached under .bench/) a DuckDB data folder with 10,000,000 × S
// requests over the 61 minutes before the judged minute's end — 200 hosts,
// 50 tenants, 100 routes, one host degraded in the last minute — then
// times detection cycles through Tinsel's own store: a cold cycle (a new
// detector, every minute of the hour read) and warm cycles (the minutes
// already read are kept; the last few are read again, as every minute in
// production). Each figure is printed beside the ≤ 2 s target.
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Detector } from '@tinsel/insights';
import { createDuckDbStore } from '@tinsel/store-duckdb';
import { median, option, printFigures } from '../report.ts';
import { DEGRADED_HOST, ESTATE, INSIGHTS_END_MS, generateInsightsDataset } from '../insights/generate-insights-dataset.ts';

const cacheDir = fileURLToPath(new URL('../../../.bench/', import.meta.url));
const TARGET_MS = 2000;

export async function run(args: string[]): Promise<void> {
  const requests = Math.round(10_000_000 * option(args, 'scale', 1));
  const runs = option(args, 'runs', 3);
  const memoryIndex = args.indexOf('--memory');
  const memory = memoryIndex >= 0 ? (args[memoryIndex + 1] ?? '1GB') : '1GB';
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  const dataset = await generateInsightsDataset(cacheDir, requests, (line) => console.log(line));
  console.log(`${dataset.cached ? 'cached' : 'generated'} in ${dataset.generatedSeconds.toFixed(1)} s: ${dataset.requests.toLocaleString('en-US')} requests in the window, ${ESTATE.hosts} hosts, ${ESTATE.tenants} tenants, ${ESTATE.routes} routes (${dataset.dataDir})`);
  const store = await createDuckDbStore({ dataDir: dataset.dataDir, memoryLimit: memory });
  try {
    const now = INSIGHTS_END_MS + 5_000;
    const cold: number[] = [];
    const warm: number[] = [];
    let found = '';
    for (let r = 0; r < runs; r++) {
      const detector = new Detector({ store });
      const first = await detector.runCycle(now);
      cold.push(first.elapsedMs);
      warm.push((await detector.runCycle(now)).elapsedMs);
      const top = first.changed[0]?.candidates[0];
      found = `${first.anomalies.length} anomalies, ${first.changed.length} incident(s), top cause ${top ? `${top.dimension}=${top.value}` : 'none'} (injected instance_id=${DEGRADED_HOST})`;
    }
    console.log(`cold cycles: ${cold.map((ms) => ms.toFixed(0)).join(', ')} ms; warm cycles: ${warm.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    console.log(`judged minute: ${found}`);
    console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} after timing`);
    printFigures(`insights: one detection cycle over ${dataset.requests.toLocaleString('en-US')} requests (median of ${runs}, memory limit ${memory})`, [
      { name: 'cold cycle (whole hour read)', measured: median(cold), unit: 'ms', target: `≤ ${TARGET_MS} ms`, met: median(cold) <= TARGET_MS },
      { name: 'warm cycle (last minutes read)', measured: median(warm), unit: 'ms', target: `≤ ${TARGET_MS} ms`, met: median(warm) <= TARGET_MS },
    ]);
  } finally {
    await store.close();
  }
}
