/** One measured figure beside its target, as every benchmark prints it. */
export interface Figure {
  name: string;
  measured: number;
  unit: string;
  target: string;
  /** Whether the measured figure meets the target. */
  met: boolean;
}

export function printFigures(title: string, figures: Figure[]): void {
  console.log(`\n${title}`);
  const width = Math.max(...figures.map((f) => f.name.length));
  for (const f of figures) {
    const value = f.measured >= 100 ? Math.round(f.measured).toLocaleString('en-US') : f.measured.toFixed(2);
    console.log(`  ${f.name.padEnd(width)}  ${`${value} ${f.unit}`.padStart(20)}   target ${f.target.padEnd(14)} ${f.met ? 'MET' : 'NOT MET'}`);
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `--name value` options of a benchmark. */
export function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
}
