import { parseDuration, parseIncidentSpec, type IncidentSpec, type SimulatorOptions } from '@tinsel/simulator';

/** Flags that shape the simulated estate, shared by `tinsel simulate` and `tinsel demo`. */
export const simulatorFlags = {
  seed: { type: 'string' },
  rate: { type: 'string' },
  'sample-rate': { type: 'string' },
  instances: { type: 'string' },
  tenants: { type: 'string' },
  'db-servers': { type: 'string' },
  'load-balancers': { type: 'string' },
  incident: { type: 'string', multiple: true },
} as const;

type Values = Record<string, string | boolean | string[] | undefined>;

/** A positive number flag, or its default; a bad value stops with the flag's name. */
export function numberFlag(values: Values, name: string, fallback: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (typeof raw !== 'string' || !Number.isFinite(value) || value < 0) throw new Error(`--${name}: expected a number, got "${String(raw)}"`);
  return value;
}

/** `now`, `-15m` (before now) or an ISO-8601 instant, as epoch ms. */
export function timeFlag(values: Values, name: string, fallback: number, now: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  if (raw === 'now') return now;
  if (typeof raw === 'string' && raw.startsWith('-')) {
    const ago = parseDuration(raw.slice(1));
    if (ago !== null) return now - ago;
  }
  const parsed = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(parsed)) throw new Error(`--${name}: expected now, -15m or an ISO-8601 time, got "${String(raw)}"`);
  return parsed;
}

/** The simulator's options from the flags; incident offsets count from `origin`. */
export function simulatorOptionsOf(values: Values, origin: number, genesis: number, extraIncidents: IncidentSpec[] = []): SimulatorOptions {
  const incidents = ((values.incident as string[] | undefined) ?? []).map((text) => {
    const spec = parseIncidentSpec(text, origin);
    if (!spec.ok) throw new Error(`--incident: ${spec.reason}`);
    return spec.value;
  });
  return {
    genesis,
    estate: {
      seed: numberFlag(values, 'seed', 1),
      instances: Math.max(1, Math.round(numberFlag(values, 'instances', 6))),
      tenants: Math.max(1, Math.round(numberFlag(values, 'tenants', 24))),
      dbServers: Math.max(1, Math.round(numberFlag(values, 'db-servers', 4))),
      loadBalancers: Math.max(1, Math.round(numberFlag(values, 'load-balancers', 1))),
    },
    traffic: { peakRate: numberFlag(values, 'rate', 40), sampleRate: Math.min(1, numberFlag(values, 'sample-rate', 0.2)) },
    incidents: [...incidents, ...extraIncidents],
  };
}
