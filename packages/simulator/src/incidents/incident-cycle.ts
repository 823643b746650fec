import { incidentKinds, type IncidentSpec } from './incident.ts';

/**
 * A standing script for demos: one incident every `periodMs`, the kinds in
 * turn, each starting 30 s into its period and lasting 60 % of it. The
 * schedule hangs on the wall clock (period k of the epoch), so a demo that
 * restarts stages the same incidents at the same times.
 *
 * @example
 * incidentCycle(Date.now() - 3_600_000, Date.now() + 86_400_000, 240_000);
 * // [{ kind: 'db-overload', start: …, durationMs: 144000, target: null }, …]
 */
export function incidentCycle(from: number, to: number, periodMs: number): IncidentSpec[] {
  const specs: IncidentSpec[] = [];
  for (let k = Math.floor(from / periodMs); k * periodMs < to; k++) {
    const kind = incidentKinds[k % incidentKinds.length]!;
    specs.push({ kind, start: k * periodMs + 30_000, durationMs: kind === 'instance-recycle' ? 0 : Math.round(periodMs * 0.6), target: null });
  }
  return specs;
}
