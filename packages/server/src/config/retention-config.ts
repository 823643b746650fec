/**
 * How many days each signal is kept. Unset means kept until someone deletes
 * it. `store.retentionDays` is the default for every signal; `store.retention`
 * names a signal's own: `{ requests: 90, spans: 14, logs: 30, deadLetters: 7 }`.
 */
export interface RetentionConfig {
  requests?: number;
  spans?: number;
  logs?: number;
  deadLetters?: number;
}

type Raw = Record<string, unknown>;

const SIGNALS = ['requests', 'spans', 'logs', 'deadLetters'] as const;

/** A positive whole number of days from YAML or an environment variable, or undefined; anything else names its key. */
export function daysAt(value: unknown, key: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const days = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof days !== 'number' || !Number.isInteger(days) || days <= 0) throw new Error(`${key}: expected a positive whole number of days, got ${JSON.stringify(value)}`);
  return days;
}

/**
 * Reads `store.retention` over `store.retentionDays`; every failure names its
 * key, e.g. `store.retention.logs: expected a positive whole number of days, got "x"`.
 */
export function retentionAt(store: Raw): RetentionConfig {
  const fallback = daysAt(store.retentionDays, 'store.retentionDays');
  const raw = store.retention ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('store.retention: expected a mapping like { requests: 90, spans: 14, logs: 30 }');
  const section = raw as Raw;
  const unknown = Object.keys(section).find((k) => !(SIGNALS as readonly string[]).includes(k));
  if (unknown) throw new Error(`store.retention.${unknown}: unknown key (known: ${SIGNALS.join(', ')})`);
  const config: RetentionConfig = {};
  for (const signal of SIGNALS) {
    const days = daysAt(section[signal], `store.retention.${signal}`) ?? fallback;
    if (days !== undefined) config[signal] = days;
  }
  return config;
}
