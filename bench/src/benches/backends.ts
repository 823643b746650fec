// `npm run bench -- backends [--requests N] [--batch B] [--runs R] [--lookups L]`:
// one generated dataset (N requests, default 400,000, with about N/2 × 2.2
// spans and 3 log lines per request) appended through `Store.append` in
// batches of B requests (default 100,000) into DuckDB (a temporary data
// folder) and into a clickhouse-server started here on loopback, then the
// same TQL queries, trace search, service-map queries and request stories
// on both; prints ingest rows/s, query p50/p99 and bytes on disk per row
// side by side, with the targets.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClickHouseStore } from '@tinsel/store-clickhouse';
import { startClickHouseServer, clickHouseUnavailable } from '@tinsel/store-clickhouse/testing';
import { createDuckDbStore } from '@tinsel/store-duckdb';
import { median, option, printFigures, type Figure } from '../report.ts';
import { ingestBackends, ingestRate, ingestRowsPerCpuSecond, type IngestFigures, type MeasuredStore } from '../backends/ingest-backends.ts';
import { serverCpuMillis } from '../backends/server-cpu-millis.ts';
import { backendQueries, storySample, timeQuery, timeStories, type QueryTiming } from '../backends/time-backend-queries.ts';

const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const count = (n: number) => Math.round(n).toLocaleString('en-US');

export async function run(args: string[]): Promise<void> {
  const requests = option(args, 'requests', 400_000);
  const batch = option(args, 'batch', 100_000);
  const runs = option(args, 'runs', 15);
  const lookups = option(args, 'lookups', 100);
  const missing = clickHouseUnavailable();
  if (missing) throw new Error(missing.reason);
  console.log(`load average ${load()} on ${cpus().length} cores (ClickHouse, DuckDB and this process share them)`);
  const dir = mkdtempSync(join(tmpdir(), 'tinsel-backends-'));
  const server = await startClickHouseServer();
  // Ctrl+C ends the process without its exit handlers: stop the server first.
  const interrupted = () => void server.stop().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  const stores: ({ name: string } & MeasuredStore)[] = [];
  try {
    stores.push({ name: 'DuckDB', store: await createDuckDbStore({ dataDir: dir, memoryLimit: '1GB' }) });
    const clickhouse = await createClickHouseStore({ url: server.url, database: 'tinsel_bench' });
    stores.push({ name: `ClickHouse ${clickhouse.features.version}`, store: clickhouse, serverCpuMillis: () => serverCpuMillis(server.pid) });
    for (const { store } of stores) await store.migrate();
    const started = performance.now();
    const ingest = await ingestBackends(stores, requests, batch, (done) => process.stdout.write(`\r  ingested ${count(done)} of ${count(requests)} requests`));
    const rows = ingest[0]!.rows;
    console.log(`\ndataset: ${count(rows.requests)} requests, ${count(rows.spans)} spans, ${count(rows.logs)} log lines (${count(rows.requests + rows.spans + rows.logs)} rows), batches of ${count(batch)} requests; ingest phase ${((performance.now() - started) / 1000).toFixed(0)} s; load average ${load()}`);
    const timings = new Map<string, QueryTiming[]>();
    for (const query of backendQueries) {
      const out: QueryTiming[] = [];
      for (const { store } of stores) out.push(await timeQuery(store, query, runs));
      timings.set(query.label, out);
    }
    const sample = storySample(requests, lookups);
    const stories = [];
    for (const { store } of stores) stories.push(await timeStories(store, requests, sample));
    timings.set(`story by X-Ray id (${lookups} lookups)`, stories);
    console.log(`load average ${load()} after timing`);
    printSideBySide(stores.map((s) => s.name), ingest, timings, runs);
    for (const [index, s] of stories.entries()) if (s.wrong > 0) console.log(`  ${stores[index]!.name}: ${s.wrong} stories without the generated shape`);
    printTargets(ingest, timings);
  } finally {
    for (const { store } of stores) await store.close().catch(() => undefined);
    process.removeListener('SIGINT', interrupted);
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function printSideBySide(names: string[], ingest: IngestFigures[], timings: Map<string, QueryTiming[]>, runs: number): void {
  const cell = (text: string) => text.padStart(24);
  const rowsOf = (f: IngestFigures) => f.rows.requests + f.rows.spans + f.rows.logs;
  console.log(`\n${''.padEnd(58)}${names.map(cell).join('')}`);
  const line = (label: string, values: string[]) => console.log(`${label.slice(0, 58).padEnd(58)}${values.map(cell).join('')}`);
  line('ingest, all rows (rows/s)', ingest.map((f) => count(ingestRate(f))));
  for (const table of ['requests', 'spans', 'logs'] as const) line(`  ${table} (rows/s)`, ingest.map((f) => count(f.rows[table] / (f.millis[table] / 1000))));
  line('ingest rows per CPU-second (client + server)', ingest.map((f) => count(ingestRowsPerCpuSecond(f))));
  line('  CPU µs per row: client / server', ingest.map((f) => `${((f.clientCpuMillis * 1000) / rowsOf(f)).toFixed(2)} / ${((f.serverCpuMillis * 1000) / rowsOf(f)).toFixed(2)}`));
  line('compact after ingest (s)', ingest.map((f) => (f.compactMillis / 1000).toFixed(1)));
  line('bytes on disk per row (all tables, after compact)', ingest.map((f) => (f.bytesOnDisk / rowsOf(f)).toFixed(1)));
  console.log(`query p50 / p99 in ms (${runs} runs after a warm-up; "differs": the answers differ; "~": only the latency`);
  console.log(`percentiles differ, ClickHouse's quantile() being a sampling estimate where DuckDB's is exact):`);
  for (const [label, t] of timings) {
    const ok = t.filter((x) => x.problem === null);
    const differs = ok.some((x) => x.exactAnswer !== t[0]!.exactAnswer) ? ' differs' : ok.some((x) => x.answer !== t[0]!.answer) ? ' ~' : '';
    line(`  ${label}`, t.map((x, i) => (x.problem !== null ? 'FAILED' : `${x.p50.toFixed(1)} / ${x.p99.toFixed(1)}${i > 0 ? differs : ''}`)));
    for (const x of t) if (x.problem !== null) console.log(`    failed: ${x.problem}`);
  }
}

function printTargets(ingest: IngestFigures[], timings: Map<string, QueryTiming[]>): void {
  const clickhouseRate = ingestRate(ingest[1]!);
  const ratios = [...timings.values()].filter((t) => t.every((x) => x.problem === null)).map((t) => t[1]!.p50 / t[0]!.p50);
  const worst = Math.max(...ratios);
  const within = ratios.filter((r) => r <= 2).length;
  const perCpu = ingestRowsPerCpuSecond(ingest[1]!);
  console.log(`\nClickHouse ingest cost ${count(perCpu)} rows per CPU-second of client and server together: about ${count(perCpu * 2)} rows/s if both cores were free for it (an estimate, not a measurement).`);
  const figures: Figure[] = [
    { name: 'ClickHouse ingest through Store.append', measured: clickhouseRate, unit: 'rows/s', target: '>= 300,000', met: clickhouseRate >= 300_000 },
    { name: `ClickHouse p50 / DuckDB p50, worst of ${ratios.length} queries`, measured: worst, unit: 'x', target: '<= 2', met: worst <= 2 },
    { name: `ClickHouse p50 / DuckDB p50, median of ${ratios.length} queries`, measured: median(ratios), unit: 'x', target: '<= 2', met: median(ratios) <= 2 },
    { name: 'queries with ClickHouse p50 within 2x of DuckDB', measured: within, unit: `of ${ratios.length}`, target: `${ratios.length}`, met: within === ratios.length },
  ];
  printFigures('Backends: ClickHouse (one node) against DuckDB, same rows, same queries', figures);
}
