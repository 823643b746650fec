import { formatBytes } from './stats-command.ts';

interface Totals {
  lines: number;
  bytesIn: number;
  bytesOut: number;
  deadLettered: number;
}

/**
 * Ingest progress: a live line on a terminal (lines/s, MB/s, dead letters),
 * one line per file otherwise, and a summary at the end.
 */
export class ProgressReporter {
  private readonly started = performance.now();
  private lastDraw = 0;
  private done: Totals = { lines: 0, bytesIn: 0, bytesOut: 0, deadLettered: 0 };
  private current: Totals = { lines: 0, bytesIn: 0, bytesOut: 0, deadLettered: 0 };
  private files = 0;

  constructor(private readonly out: NodeJS.WriteStream = process.stderr) {}

  progress(current: Totals): void {
    this.current = current;
    const now = performance.now();
    if (!this.out.isTTY || now - this.lastDraw < 200) return;
    this.lastDraw = now;
    this.out.write(`\r\x1b[2K${this.line()}`);
  }

  fileDone(key: string, result: { status: string; accepted: number; deadLettered: number; bytesIn: number; bytesOut: number; error: string | null }, lines: number): void {
    this.files++;
    this.done = {
      lines: this.done.lines + lines,
      bytesIn: this.done.bytesIn + result.bytesIn,
      bytesOut: this.done.bytesOut + result.bytesOut,
      deadLettered: this.done.deadLettered + result.deadLettered,
    };
    this.current = { lines: 0, bytesIn: 0, bytesOut: 0, deadLettered: 0 };
    const note = result.error ? `  ${result.error}` : '';
    if (this.out.isTTY) this.out.write('\r\x1b[2K');
    this.out.write(`${result.status.padEnd(9)} ${key}  ${result.accepted} rows, ${result.deadLettered} dead letters${note}\n`);
  }

  summary(): string {
    return `${this.files} files  ${this.line()}`;
  }

  private line(): string {
    const seconds = Math.max((performance.now() - this.started) / 1000, 0.001);
    const lines = this.done.lines + this.current.lines;
    const bytesOut = this.done.bytesOut + this.current.bytesOut;
    const dead = this.done.deadLettered + this.current.deadLettered;
    const rate = Math.round(lines / seconds).toLocaleString('en-US');
    return `${lines.toLocaleString('en-US')} lines  ${rate} lines/s  ${(bytesOut / 1e6 / seconds).toFixed(1)} MB/s  ${formatBytes(bytesOut)} read  ${dead} dead letters  ${seconds.toFixed(1)} s`;
  }
}
