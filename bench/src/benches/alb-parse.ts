// `npm run bench -- alb-parse [--lines N] [--runs N] [--seed N]`: single-threaded
// parseAlbLine throughput on generated lines, and the generator's own speed.
// Lines reach the parser as the ingest pipeline hands them over: batches of
// 8192 cut from freshly decoded text. Decoding and cutting are not timed.
import { loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAlbLine } from '@tinsel/ingest';
import { generateAlbLines } from '../alb/generate-alb-lines.ts';
import { median, option } from '../report.ts';

const TARGET_LINES_PER_SECOND = 500_000;
const BATCH_LINES = 8192;
const DOC_EXAMPLES = ['aws-http-listener', 'aws-https-listener', 'aws-http2-stream', 'aws-websockets', 'aws-secured-websockets', 'aws-lambda-succeeded', 'aws-lambda-failed'];

export async function run(args: string[]): Promise<void> {
  const lineCount = option(args, 'lines', 200_000);
  const runs = option(args, 'runs', 7);
  const seed = option(args, 'seed', 1);
  const startTime = Date.UTC(2025, 8, 3, 10);

  const generated = median(repeat(Math.min(runs, 5), () => {
    const began = performance.now();
    let count = 0;
    for (const line of generateAlbLines({ count: lineCount, seed, startTime })) count += line.length > 0 ? 1 : 0;
    return count / ((performance.now() - began) / 1000);
  }));
  const lines = [...generateAlbLines({ count: lineCount, seed, startTime })];
  const docLines = documentationLines(lineCount);

  console.log(`alb-parse: ${lineCount} lines in batches of ${BATCH_LINES}, ${runs} runs, load average ${loadavg()[0]!.toFixed(2)} on this machine`);
  report('parse generated lines', lines, measure(asBatches(lines), runs));
  report('parse AWS documentation examples', docLines, measure(asBatches(docLines), runs));
  console.log(`  generate                          ${pad(generated)} lines/s   target ≥ ${pad(TARGET_LINES_PER_SECOND)}  ${verdict(generated)}`);
}

/** The lines as encoded batches, like the bytes a log file's chunks decode from. */
function asBatches(lines: string[]): Buffer[] {
  const batches: Buffer[] = [];
  for (let i = 0; i < lines.length; i += BATCH_LINES) batches.push(Buffer.from(lines.slice(i, i + BATCH_LINES).join('\n'), 'utf8'));
  return batches;
}

/** Median lines/s over `runs` passes after one warm-up pass; fails loudly if any line is rejected. */
function measure(batches: Buffer[], runs: number): number {
  let rejected = 0;
  const pass = (): number => {
    let parsing = 0;
    let count = 0;
    let sink = 0;
    for (const batch of batches) {
      // Decoded and cut as the line splitter does: slices of one fresh string.
      const lines = batch.toString('utf8').split('\n');
      const began = performance.now();
      for (let i = 0; i < lines.length; i++) {
        const result = parseAlbLine(lines[i]!, 'bench');
        if (result.ok) sink += result.value.sent_bytes;
        else rejected++;
      }
      parsing += performance.now() - began;
      count += lines.length;
    }
    if (sink < 0) console.log(sink); // keeps the work observable
    return count / (parsing / 1000);
  };
  pass();
  const speeds = repeat(runs, pass);
  if (rejected > 0) throw new Error(`${rejected} benchmark lines were rejected`);
  return median(speeds);
}

function report(label: string, lines: string[], linesPerSecond: number): void {
  const meanBytes = lines.reduce((sum, line) => sum + line.length, 0) / lines.length;
  const megabytes = (linesPerSecond * meanBytes) / 1e6;
  console.log(`  ${label.padEnd(33)} ${pad(linesPerSecond)} lines/s   target ≥ ${pad(TARGET_LINES_PER_SECOND)}  ${verdict(linesPerSecond)}   (mean ${Math.round(meanBytes)} B/line, ${megabytes.toFixed(0)} MB/s)`);
}

function documentationLines(count: number): string[] {
  const dir = fileURLToPath(new URL('../../../packages/ingest/fixtures/alb/', import.meta.url));
  const examples = DOC_EXAMPLES.map((name) => readFileSync(`${dir}${name}.log`, 'utf8').trimEnd());
  return Array.from({ length: count }, (_, i) => examples[i % examples.length]!);
}

function repeat(times: number, measureOnce: () => number): number[] {
  return Array.from({ length: times }, measureOnce);
}

function pad(linesPerSecond: number): string {
  return Math.round(linesPerSecond).toLocaleString('en-US').padStart(9);
}

function verdict(linesPerSecond: number): string {
  return linesPerSecond >= TARGET_LINES_PER_SECOND ? 'met' : 'BELOW TARGET';
}
