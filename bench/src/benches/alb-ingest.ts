// `npm run bench -- alb-ingest [--lines N] [--runs R] [--mode packed|chunks]`:
// generates N realistic ALB lines as gzip files in the S3 key layout, then
// ingests them end to end (read, gunzip, parse, enrich, commit) in a child
// process and prints lines/s, MB/s, peak RSS and bytes on disk per row beside
// their targets.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAlbDataset } from '../alb/write-alb-dataset.ts';
import { median, option, printFigures } from '../report.ts';

interface RunFigures {
  seconds: number;
  rows: number;
  deadLetters: number;
  bytesIn: number;
  bytesOut: number;
  bytesOnDisk: number;
  storedRows: number;
  maxRssBytes: number;
}

const runner = fileURLToPath(new URL('../alb/run-alb-ingest.ts', import.meta.url));
const cacheDir = fileURLToPath(new URL('../../../.bench/', import.meta.url));

export async function run(args: string[]): Promise<void> {
  const lines = option(args, 'lines', 2_000_000);
  const runs = option(args, 'runs', 1);
  const modeAt = args.indexOf('--mode');
  const modes = modeAt >= 0 ? [args[modeAt + 1] as string] : ['packed', 'chunks'];
  const generating = performance.now();
  const dataset = await writeAlbDataset(join(cacheDir, `alb-${lines}-seed1`), lines, 1);
  console.log(`dataset: ${lines.toLocaleString('en-US')} lines in ${dataset.logs} (${((performance.now() - generating) / 1000).toFixed(1)} s to prepare)`);
  for (const mode of modes) {
    const results: RunFigures[] = [];
    for (let i = 0; i < runs; i++) results.push(ingestOnce(dataset, mode));
    report(`ALB ingest end to end, ${mode} appends, ${lines.toLocaleString('en-US')} lines (median of ${runs})`, results);
  }
}

function ingestOnce(dataset: { logs: string; tenants: string; instances: string }, mode: string): RunFigures {
  const dataDir = mkdtempSync(join(tmpdir(), 'tinsel-bench-'));
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', runner, dataset.logs, dataDir, dataset.tenants, dataset.instances, mode], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const figures = JSON.parse(out.trim().split('\n').pop()!) as RunFigures;
    if (figures.storedRows !== figures.rows) throw new Error(`stored ${figures.storedRows} rows but accepted ${figures.rows}`);
    return figures;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(title: string, results: RunFigures[]): void {
  const m = (f: (r: RunFigures) => number) => median(results.map(f));
  const linesPerSecond = m((r) => (r.rows + r.deadLetters) / r.seconds);
  const bytesPerRow = m((r) => r.bytesOnDisk / r.rows);
  const rssMb = m((r) => r.maxRssBytes / 1e6);
  printFigures(title, [
    { name: 'throughput', measured: linesPerSecond, unit: 'lines/s', target: '>= 300,000 (floor 100,000)', met: linesPerSecond >= 300_000 },
    { name: 'decompressed read', measured: m((r) => r.bytesOut / 1e6 / r.seconds), unit: 'MB/s', target: '(follows)', met: true },
    { name: 'compressed read', measured: m((r) => r.bytesIn / 1e6 / r.seconds), unit: 'MB/s', target: '(follows)', met: true },
    { name: 'peak RSS', measured: rssMb, unit: 'MB', target: '< 500', met: rssMb < 500 },
    { name: 'on disk per row', measured: bytesPerRow, unit: 'bytes', target: '<= 40', met: bytesPerRow <= 40 },
    { name: 'dead letters', measured: m((r) => r.deadLetters), unit: 'lines', target: '0 (generated lines are valid)', met: m((r) => r.deadLetters) === 0 },
  ]);
}
