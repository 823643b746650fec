// `npm run bench -- simulate [--rows N] [--runs N] [--workers N] [--rate R] [--gzip-level L]`:
// generates a benchmark dataset with the simulator — ALB .log.gz objects in
// the S3 layout, X-Ray NDJSON, CLEF — into a temporary folder, and reports
// records written per second (ALB rows + segments + log events), the median
// of several runs, beside the ≥ 500,000 records/s target, with the time a
// 10,000,000-row dataset would take at that speed. The default is a scaled
// run of 1,000,000 ALB rows; `--rows 10000000` runs the full size.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDatasetInParallel, type DatasetSummary } from '@tinsel/simulator';
import { median, option, printFigures } from '../report.ts';

const TARGET_RECORDS_PER_SECOND = 500_000;
const FULL_ROWS = 10_000_000;
// 15:00 UTC is the daily curve's peak, so rows ≈ rate × seconds.
const PEAK = Date.UTC(2026, 10, 24, 15, 0, 0);

export async function run(args: string[]): Promise<void> {
  const rows = option(args, 'rows', 1_000_000);
  const runs = option(args, 'runs', 3);
  const workers = option(args, 'workers', availableParallelism());
  const rate = option(args, 'rate', 500);
  const gzipLevel = option(args, 'gzip-level', 1);
  const from = PEAK - Math.round((rows / rate) * 500);
  const to = from + Math.round((rows / rate) * 1000);
  console.log(`simulate: ${rows.toLocaleString('en-US')} ALB rows at ${rate.toLocaleString('en-US')} req/s peak, ${workers} workers, gzip level ${gzipLevel}, ${runs} runs, load average ${loadavg()[0]!.toFixed(2)} on this machine`);
  const speeds: number[] = [];
  const rowSpeeds: number[] = [];
  let last: DatasetSummary | null = null;
  for (let i = 0; i < runs; i++) {
    const outDir = mkdtempSync(join(tmpdir(), 'tinsel-bench-simulate-'));
    try {
      const began = performance.now();
      last = await writeDatasetInParallel({ estate: { seed: 1 }, genesis: Date.UTC(2026, 10, 1), traffic: { peakRate: rate } }, { outDir, from, to, gzipLevel }, workers);
      const seconds = (performance.now() - began) / 1000;
      speeds.push(last.records / seconds);
      rowSpeeds.push(last.requests / seconds);
      console.log(`  run ${i + 1}: ${last.records.toLocaleString('en-US')} records (${last.requests.toLocaleString('en-US')} ALB rows, ${last.segments.toLocaleString('en-US')} segments, ${last.logs.toLocaleString('en-US')} log events, ${last.albFiles} ALB objects) in ${seconds.toFixed(1)} s`);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }
  const recordsPerSecond = median(speeds);
  const rowsPerSecond = median(rowSpeeds);
  const fullSeconds = FULL_ROWS / rowsPerSecond;
  printFigures('simulate (median of runs)', [
    { name: 'records written', measured: recordsPerSecond, unit: 'records/s', target: '≥ 500,000', met: recordsPerSecond >= TARGET_RECORDS_PER_SECOND },
    { name: '10M-row dataset, projected', measured: fullSeconds, unit: 's', target: '< 60 s', met: fullSeconds < 60 },
  ]);
  console.log(`  (${Math.round(rowsPerSecond).toLocaleString('en-US')} ALB rows/s; ${(last!.records / last!.requests).toFixed(2)} records per request)`);
}
