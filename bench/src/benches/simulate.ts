// `npm run bench -- simulate [--rows N] [--runs N] [--workers N] [--rate R] [--gzip-level L] [--compare-level L]`:
// generates a benchmark dataset with the simulator — ALB .log.gz objects in
// the S3 layout, X-Ray NDJSON, CLEF — into a temporary folder, and reports
// records written per second (ALB rows + segments + log events), the median
// of several runs, beside the ≥ 500,000 records/s target, with the time a
// 10,000,000-row dataset would take at that speed. The default is a scaled
// run of 2,000,000 ALB rows; `--rows 10000000 --runs 1` runs the full size.
//
// The machine is shared, so each run also reports the CPU time the whole
// process spent (every thread: generators, gzip, file writes) and the load
// average it started under; records per CPU-second times the cores is what
// the same code does on an idle machine. A last run at another gzip level
// (default 6, the CLI's) shows what the benchmark's level 1 saves.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDatasetInParallel, type DatasetSummary } from '@tinsel/simulator';
import { median, option, printFigures } from '../report.ts';

const TARGET_RECORDS_PER_SECOND = 500_000;
const FULL_ROWS = 10_000_000;
// 15:00 UTC is the daily curve's peak, so rows ≈ rate × seconds.
const PEAK = Date.UTC(2026, 10, 24, 15, 0, 0);

interface RunFigures {
  summary: DatasetSummary;
  seconds: number;
  cpuSeconds: number;
  load: number;
  albBytes: number;
  totalBytes: number;
}

export async function run(args: string[]): Promise<void> {
  const rows = option(args, 'rows', 2_000_000);
  const runs = option(args, 'runs', 3);
  const workers = option(args, 'workers', availableParallelism());
  const rate = option(args, 'rate', 500);
  const gzipLevel = option(args, 'gzip-level', 1);
  const compareLevel = option(args, 'compare-level', 6);
  const from = PEAK - Math.round((rows / rate) * 500);
  const to = from + Math.round((rows / rate) * 1000);
  const write = (level: number) => writeOnce({ rate, from, to, workers, gzipLevel: level });
  console.log(`simulate: ${rows.toLocaleString('en-US')} ALB rows at ${rate.toLocaleString('en-US')} req/s peak, ${workers} workers, gzip level ${gzipLevel}, ${runs} run${runs === 1 ? '' : 's'}, ${availableParallelism()} cores`);
  const results: RunFigures[] = [];
  for (let i = 0; i < runs; i++) {
    results.push(await write(gzipLevel));
    console.log(`  run ${i + 1}: ${describe(results[i]!)}`);
  }
  const recordsPerSecond = median(results.map((r) => r.summary.records / r.seconds));
  const rowsPerSecond = median(results.map((r) => r.summary.requests / r.seconds));
  const recordsPerCpuSecond = median(results.map((r) => r.summary.records / r.cpuSeconds));
  const idleRecordsPerSecond = recordsPerCpuSecond * Math.min(workers, availableParallelism());
  const fullSeconds = FULL_ROWS / rowsPerSecond;
  const last = results[results.length - 1]!.summary;
  printFigures(`simulate (median of ${runs} run${runs === 1 ? '' : 's'}, load average ${results.map((r) => r.load.toFixed(1)).join(' / ')} at their start)`, [
    { name: 'records written', measured: recordsPerSecond, unit: 'records/s', target: '≥ 500,000', met: recordsPerSecond >= TARGET_RECORDS_PER_SECOND },
    { name: '10M-row dataset, projected', measured: fullSeconds, unit: 's', target: '< 60 s', met: fullSeconds < 60 },
  ]);
  console.log(`  (${Math.round(rowsPerSecond).toLocaleString('en-US')} ALB rows/s; ${(last.records / last.requests).toFixed(2)} records per request)`);
  console.log(
    `  CPU: ${Math.round(recordsPerCpuSecond).toLocaleString('en-US')} records per CPU-second (${(1e6 / recordsPerCpuSecond).toFixed(2)} µs a record, every thread counted):` +
      ` about ${Math.round(idleRecordsPerSecond).toLocaleString('en-US')} records/s and ${((FULL_ROWS * (last.records / last.requests)) / idleRecordsPerSecond).toFixed(0)} s for 10M rows on ${Math.min(workers, availableParallelism())} idle cores`,
  );
  if (compareLevel !== gzipLevel && compareLevel >= 0) {
    const other = await write(compareLevel);
    const mine = results[results.length - 1]!;
    console.log(`\n  beside it, gzip level ${compareLevel}: ${describe(other)}`);
    console.log(
      `  level ${gzipLevel} vs ${compareLevel}: ${Math.round(mine.summary.records / mine.seconds).toLocaleString('en-US')} vs ${Math.round(other.summary.records / other.seconds).toLocaleString('en-US')} records/s,` +
        ` ${Math.round(mine.summary.records / mine.cpuSeconds).toLocaleString('en-US')} vs ${Math.round(other.summary.records / other.cpuSeconds).toLocaleString('en-US')} records per CPU-second,` +
        ` ALB objects ${(mine.albBytes / 1e6).toFixed(0)} vs ${(other.albBytes / 1e6).toFixed(0)} MB`,
    );
  }
}

async function writeOnce(options: { rate: number; from: number; to: number; workers: number; gzipLevel: number }): Promise<RunFigures> {
  const outDir = mkdtempSync(join(tmpdir(), 'tinsel-bench-simulate-'));
  try {
    const load = loadavg()[0]!;
    const cpu = process.cpuUsage();
    const began = performance.now();
    const summary = await writeDatasetInParallel({ estate: { seed: 1 }, genesis: Date.UTC(2026, 10, 1), traffic: { peakRate: options.rate } }, { outDir, from: options.from, to: options.to, gzipLevel: options.gzipLevel }, options.workers);
    const seconds = (performance.now() - began) / 1000;
    const used = process.cpuUsage(cpu);
    return { summary, seconds, cpuSeconds: (used.user + used.system) / 1e6, load, ...bytesUnder(outDir) };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function bytesUnder(dir: string): { albBytes: number; totalBytes: number } {
  let albBytes = 0;
  let totalBytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const size = statSync(join(entry.parentPath, entry.name)).size;
    totalBytes += size;
    if (entry.name.endsWith('.log.gz')) albBytes += size;
  }
  return { albBytes, totalBytes };
}

function describe(r: RunFigures): string {
  const s = r.summary;
  const n = (value: number) => value.toLocaleString('en-US');
  return (
    `${n(s.records)} records (${n(s.requests)} ALB rows, ${n(s.segments)} segments, ${n(s.logs)} log events, ${s.albFiles} ALB objects, ${(r.totalBytes / 1e9).toFixed(2)} GB)` +
    ` in ${r.seconds.toFixed(1)} s, ${r.cpuSeconds.toFixed(1)} CPU-s, load ${r.load.toFixed(1)}: ${n(Math.round(s.records / r.seconds))} records/s`
  );
}
