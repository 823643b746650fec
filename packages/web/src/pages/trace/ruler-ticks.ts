// Round tick positions for a time axis measured from the trace's start.

const STEPS = [1, 2, 2.5, 5];

/**
 * Tick positions (milliseconds from the trace start) at a round step inside
 * [startMs, endMs], about `count` of them.
 *
 * @example rulerTicks(0, 320, 5) // [0, 100, 200, 300]
 */
export function rulerTicks(startMs: number, endMs: number, count: number): number[] {
  const span = endMs - startMs;
  if (!(span > 0)) return [startMs];
  const raw = span / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = (STEPS.find((s) => s * magnitude >= raw) ?? 10) * magnitude;
  const ticks: number[] = [];
  for (let t = Math.ceil(startMs / step - 1e-9) * step; t <= endMs + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}
