// `npm run bench -- query [--scale S] [--lookups L] [--runs R] [--memory 256MB] [--packed-trace-ids]`:
// generates (once, cached under .bench/) a DuckDB data folder with
// 10,000,000 × S requests, about as many spans and three log lines per
// request, then times through Tinsel's own store: the request story by
// X-Ray id (p50/p99), a filter + stats over every request, and full-text
// search for a rare token over the logs (newest 100 and the total count).
// Generation is not timed; each figure is printed beside its target.
// --packed-trace-ids measures the same on tables whose trace_id is left to
// DuckDB's bit-packing (an experiment; see docs/benchmarks.md).
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { option, printFigures, type Figure } from '../report.ts';
import { DATASET_START_MICROS, RARE_TOKEN, generateQueryDataset, openQueryDataset } from '../query/generate-query-dataset.ts';
import { timeStories, type StoryFigures } from '../query/time-stories.ts';
import { timeTql, type TqlFigures } from '../query/time-tql.ts';

const cacheDir = fileURLToPath(new URL('../../../.bench/', import.meta.url));
const TARGET_REQUESTS = 10_000_000;
const count = (n: number | null): string => (n === null ? '-' : Math.round(n).toLocaleString('en-US'));

export async function run(args: string[]): Promise<void> {
  const scale = option(args, 'scale', 1);
  const lookups = option(args, 'lookups', 300);
  const runs = option(args, 'runs', 5);
  const memoryIndex = args.indexOf('--memory');
  const memory = memoryIndex >= 0 ? (args[memoryIndex + 1] ?? '256MB') : '256MB';
  const requests = Math.round(TARGET_REQUESTS * scale);
  // Wall times on a shared machine move with its load; print it beside them.
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  console.log(`dataset: ${count(requests)} requests${scale === 1 ? '' : ` (--scale ${scale}; the targets assume ${count(TARGET_REQUESTS)})`}`);
  const variant = args.includes('--packed-trace-ids') ? 'packed-trace-ids' : 'store';
  const dataset = await generateQueryDataset(cacheDir, requests, variant, (line) => console.log(line));
  if (variant !== 'store') console.log('experiment: trace_id bit-packed by DuckDB (not how Tinsel creates its tables)');
  console.log(`${dataset.cached ? 'cached' : 'generated'} in ${dataset.generatedSeconds.toFixed(1)} s: ${count(dataset.requests)} requests, ${count(dataset.spans)} spans, ${count(dataset.logs)} log lines (${dataset.dataDir})`);
  const store = await openQueryDataset(dataset, memory);
  try {
    const from = DATASET_START_MICROS;
    const to = DATASET_START_MICROS + 86_400_000_000;
    const stories = await timeStories(store, lookups);
    describeStories(stories);
    const stats = await timeTql(store, 'status:>=500 | stats count() by app_version', { signal: 'requests', from, to, limit: 100, runs });
    describeTql('filter + stats', stats);
    const search = await timeTql(store, RARE_TOKEN, { signal: 'logs', from, to, limit: 100, runs });
    describeTql('full-text search', search);
    describeTql('the same without the index (plain scan, for comparison)', await timeTql(store, RARE_TOKEN, { signal: 'logs', from, to, limit: 100, runs: 1, index: false }));
    console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} after timing`);
    report(dataset.requests, dataset.logs, stories, stats, search, memory);
  } finally {
    await store.close();
  }
}

function describeStories(s: StoryFigures): void {
  console.log(`story: ${s.millis.length} × loadStory(<X-Ray id>) one at a time, ${s.wrong} wrong; min ${s.min.toFixed(1)} ms, median ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, max ${Math.max(...s.millis).toFixed(1)} ms; ${s.cpuMsPerStory.toFixed(1)} ms of CPU per story`);
  console.log(`  each lookup alone, warm (right after its story; median): requests ${s.parts.requests.toFixed(1)} ms, spans ${s.parts.spans.toFixed(1)} ms, logs ${s.parts.logs.toFixed(1)} ms; unbounded requests ${s.parts.requestsUnbounded.toFixed(1)} ms, unbounded logs ${s.parts.logsUnbounded.toFixed(1)} ms`);
  console.log(`  rows inside one story's time windows: requests ${count(s.rowsInWindows.requests)}, spans ${count(s.rowsInWindows.spans)}, logs ${count(s.rowsInWindows.logs)}`);
}

function describeTql(what: string, t: TqlFigures): void {
  if (t.problem !== null) {
    console.log(`${what}: \`${t.query}\` could not run: ${t.problem}`);
    return;
  }
  console.log(`${what}: \`${t.query}\` via runTql, ${t.millis.length} runs: ${t.millis.map((m) => m.toFixed(0)).join(', ')} ms; ${t.rows} rows returned, scanned ${count(t.scanned)}, matching ${count(t.total)}`);
}

function report(requests: number, logs: number, s: StoryFigures, stats: TqlFigures, search: TqlFigures, memory: string): void {
  const figures: Figure[] = [
    { name: `story by id p50 (${count(requests)} requests)`, measured: s.p50, unit: 'ms', target: '<= 20', met: s.p50 <= 20 && s.wrong === 0 },
    { name: `story by id p99 (${count(requests)} requests)`, measured: s.p99, unit: 'ms', target: '<= 100', met: s.p99 <= 100 && s.wrong === 0 },
    stats.problem === null
      ? { name: `filter + stats p50 (scans ${count(requests)} rows)`, measured: stats.median, unit: 'ms', target: '<= 300', met: stats.median <= 300 }
      : { name: 'filter + stats p50: pending (TQL could not run)', measured: NaN, unit: 'ms', target: '<= 300', met: false },
    search.problem === null
      ? { name: `full-text newest 100 + count p50 (scans ${count(search.scanned ?? logs)} rows)`, measured: search.median, unit: 'ms', target: '<= 200', met: search.median <= 200 }
      : { name: 'full-text search p50: pending (TQL could not run)', measured: NaN, unit: 'ms', target: '<= 200', met: false },
  ];
  printFigures(`Query: story, stats and search (DuckDB memory limit ${memory})`, figures);
}
