import { fail, ok, type Result } from '@tinsel/model';
import { parseDuration } from './parse-duration.ts';

/** The failures the simulator can stage. */
export const incidentKinds = ['degraded-host', 'bad-deploy', 'db-overload', 'target-timeouts', 'client-disconnects', 'instance-recycle'] as const;
export type IncidentKind = (typeof incidentKinds)[number];

/** How long each kind lasts when the script gives no duration. */
export const defaultIncidentMinutes: Record<IncidentKind, number> = {
  'degraded-host': 5,
  'bad-deploy': 6,
  'db-overload': 5,
  'target-timeouts': 4,
  'client-disconnects': 4,
  'instance-recycle': 0,
};

/**
 * One staged incident with its target resolved: the instance slot (hosts,
 * deploys, timeouts, recycles), the database server (overloads) or the
 * route (bad deploys and disconnects).
 */
export interface Incident {
  kind: IncidentKind;
  /** Epoch milliseconds. */
  start: number;
  end: number;
  slot: number;
  dbServer: string;
  route: string;
  /** The version a bad deploy rolls out. */
  version: string;
}

/** An incident as the script names it, before its target is chosen. */
export interface IncidentSpec {
  kind: IncidentKind;
  start: number;
  durationMs: number;
  /** Optional explicit target: a slot number or a database server name. */
  target: string | null;
}

// `when` is an offset (+10m, -5m) or an ISO-8601 UTC instant ending in Z (which has colons of its own).
const SPEC = /^([a-z-]+)@([+-][^/:]+|\d{4}-[^/]+?Z)(?:\/([^:]+))?(?::(.+))?$/;

/**
 * Reads `name@when[/duration][:target]`, where `when` is an offset from
 * `origin` (`+10m`, `+90s`, `-5m` before it) or an ISO-8601 UTC instant, e.g.
 * `bad-deploy@+10m`, `db-overload@+5m/8m:db-2`, `instance-recycle@2026-11-24T18:30:00Z:0`.
 *
 * @example
 * parseIncidentSpec('bad-deploy@+10m', Date.UTC(2026, 10, 24, 18));
 * // → ok({ kind: 'bad-deploy', start: …18:10Z, durationMs: 360000, target: null })
 */
export function parseIncidentSpec(text: string, origin: number): Result<IncidentSpec> {
  const match = SPEC.exec(text.trim());
  if (match === null) return fail(`incident "${text}": expected name@when[/duration][:target], e.g. bad-deploy@+10m`);
  const [, name = '', when = '', duration, target] = match;
  if (!(incidentKinds as readonly string[]).includes(name)) return fail(`incident "${text}": unknown kind "${name}" (expected ${incidentKinds.join(', ')})`);
  const kind = name as IncidentKind;
  const relative = when.startsWith('+') || when.startsWith('-');
  const offset = relative ? parseDuration(when.slice(1)) : Date.parse(when);
  if (offset === null || Number.isNaN(offset)) return fail(`incident "${text}": "${when}" is neither ±<duration> nor an ISO-8601 time`);
  const start = !relative ? offset : when.startsWith('+') ? origin + offset : origin - offset;
  const durationMs = duration === undefined ? defaultIncidentMinutes[kind] * 60_000 : parseDuration(duration);
  if (durationMs === null) return fail(`incident "${text}": "${duration}" is not a duration such as 90s, 5m or 1h`);
  return ok({ kind, start, durationMs, target: target ?? null });
}
