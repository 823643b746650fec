import { fail, ok, signals, type Result, type Signal } from '@tinsel/model';
import { parseTql } from '@tinsel/query';

export type Comparison = '>' | '>=' | '<' | '<=';

/**
 * A rule: a TQL query ending in `stats` (one alert per group of its `by`
 * fields), a condition on its first aggregate — a threshold or
 * `anomalous` (far above the value's own recent history) — evaluated over
 * a window, firing once it has held for a while.
 *
 * @example
 * { name: 'checkout-5xx', query: 'status:>=500 path:/checkout | stats count() by instance_id', threshold: { op: '>', value: 10 }, window: 300_000, for: 120_000, notify: ['ops'] }
 */
export interface AlertRule {
  name: string;
  query: string;
  signal: Signal;
  /** Null with `anomalous`. */
  threshold: { op: Comparison; value: number } | null;
  anomalous: boolean;
  /** Milliseconds. */
  window: number;
  for: number;
  /** Notifier names. */
  notify: string[];
  /** Where the rule came from: `config` rules cannot be deleted through the API. */
  origin: 'config' | 'api';
}

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;
const UNIT: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `30s`, `5m`, `1h` as milliseconds. */
export function parseDurationMs(text: unknown): number | null {
  const match = typeof text === 'string' ? DURATION.exec(text.trim()) : null;
  return match ? Number(match[1]) * (UNIT[match[2] as string] as number) : null;
}

const CONDITION = /^\s*(>=|<=|>|<)\s*(-?\d+(?:\.\d+)?)\s*$/;

/**
 * Validates a rule as written in `tinsel.yaml` or posted to the API:
 * `{ name, query, signal?, condition: "> 10" | "anomalous", window: "5m", for?: "2m", notify?: [...] }`.
 * The message names the field at fault.
 */
export function parseAlertRule(input: unknown, origin: AlertRule['origin']): Result<AlertRule> {
  if (typeof input !== 'object' || input === null) return fail('an alert rule is an object');
  const r = input as Record<string, unknown>;
  if (typeof r.name !== 'string' || !/^[\w.-]{1,100}$/.test(r.name)) return fail('name: letters, digits, "_", "-" or ".", at most 100');
  if (typeof r.query !== 'string') return fail('query: a TQL query ending in | stats');
  const parsed = parseTql(r.query);
  if (!parsed.ok) return fail(`query: ${parsed.reason} (column ${parsed.column})`);
  if (!parsed.value.pipes.some((p) => p.kind === 'stats')) return fail('query: needs a | stats pipe with an aggregate, e.g. | stats count()');
  const signal = r.signal ?? 'requests';
  if (!(signals as readonly unknown[]).includes(signal)) return fail(`signal: one of ${signals.join(', ')}`);
  const window = parseDurationMs(r.window ?? '5m');
  const forMs = parseDurationMs(r.for ?? '0s');
  if (window === null || window <= 0) return fail('window: a duration such as 5m');
  if (forMs === null) return fail('for: a duration such as 2m');
  const notify = r.notify ?? [];
  if (!Array.isArray(notify) || !notify.every((n) => typeof n === 'string')) return fail('notify: a list of notifier names');
  const condition = r.condition;
  if (condition === 'anomalous') return ok({ name: r.name, query: r.query, signal: signal as Signal, threshold: null, anomalous: true, window, for: forMs, notify: notify as string[], origin });
  const match = typeof condition === 'string' ? CONDITION.exec(condition) : null;
  if (!match) return fail('condition: a comparison such as "> 10" or "anomalous"');
  const threshold = { op: match[1] as Comparison, value: Number(match[2]) };
  return ok({ name: r.name, query: r.query, signal: signal as Signal, threshold, anomalous: false, window, for: forMs, notify: notify as string[], origin });
}

/** A rule back in the shape it is written in. */
export function describeAlertRule(rule: AlertRule): Record<string, unknown> {
  return {
    name: rule.name,
    query: rule.query,
    signal: rule.signal,
    condition: rule.anomalous ? 'anomalous' : `${rule.threshold?.op} ${rule.threshold?.value}`,
    window: `${rule.window / 1000}s`,
    for: `${rule.for / 1000}s`,
    notify: rule.notify,
    origin: rule.origin,
  };
}
