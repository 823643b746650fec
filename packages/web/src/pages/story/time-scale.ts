// Positions on the story's time axis, as CSS percentages of the track.

/** Left offset and width (in %) of an interval on an axis from 0 to `endMs`. */
export function place(startMs: number, endMs: number, axisEndMs: number): { left: string; width: string } {
  const left = Math.max(0, Math.min(100, (startMs / axisEndMs) * 100));
  const width = Math.max(0.25, Math.min(100 - left, ((endMs - startMs) / axisEndMs) * 100));
  return { left: `${left}%`, width: `${width}%` };
}

/** About six round tick values from 0 to `endMs`. */
export function ticks(endMs: number): number[] {
  const raw = endMs / 6;
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(raw, 0.001)));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = 0; t <= endMs + 1e-9; t += step) out.push(Math.round(t * 1000) / 1000);
  return out;
}
