import type { ResultRow } from '@tinsel/store';
import { isoMicros } from './iso-micros.ts';

/** An ALB record's interval and phases in epoch microseconds. */
export interface AlbTimes {
  /** When the load balancer received the request. */
  arrival: number;
  /** When it sent the response (ALB's `time`). */
  responded: number;
  phases: { name: 'request' | 'target' | 'response'; start: number; end: number }[];
}

const PHASES = [
  ['request', 'request_processing_time'],
  ['target', 'target_processing_time'],
  ['response', 'response_processing_time'],
] as const;

/**
 * Lays an ALB record's three timings end to end from its arrival:
 * request processing (arrival until the request went to a target), target
 * processing (until the target's response headers came back) and response
 * processing. A null timing (`-1` in the log) is a phase that did not
 * happen and is left out. Anchored at the arrival rather than at `time`,
 * because `time` also covers sending the body, which no timing counts.
 * Classic ELB and old ALB lines without `request_creation_time` take the
 * arrival as `time` less the timings.
 *
 * @example
 * albTimes(row).phases.map((p) => p.name) // ['request', 'target', 'response']
 */
export function albTimes(row: ResultRow): AlbTimes | null {
  const responded = isoMicros(row.time);
  if (responded === null) return null;
  const seconds = PHASES.map(([name, column]) => [name, typeof row[column] === 'number' ? (row[column] as number) : null] as const);
  const created = isoMicros(row.request_creation_time);
  const total = seconds.reduce((sum, [, s]) => sum + (s ?? 0), 0);
  const arrival = created ?? responded - Math.round(total * 1e6);
  const phases: AlbTimes['phases'] = [];
  let cursor = arrival;
  for (const [name, s] of seconds) {
    if (s === null) continue;
    const end = cursor + Math.round(s * 1e6);
    phases.push({ name, start: cursor, end });
    cursor = end;
  }
  return { arrival, responded, phases };
}
