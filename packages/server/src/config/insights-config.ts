import { parseAlertRule, parseDurationMs, type AlertRule, type SmtpSettings, type WebhookFormat } from '@tinsel/insights';

export type NotifierConfig =
  | { name: string; type: 'webhook'; url: string; format: WebhookFormat }
  | ({ name: string; type: 'email' } & SmtpSettings);

/** The `insights` and `alerts` sections of tinsel.yaml, validated. */
export interface InsightsConfig {
  insights: {
    enabled: boolean;
    /** Milliseconds between detection cycles. */
    intervalMs: number;
    historyMinutes: number;
    sameHourDays: number;
    /** Notifiers told when an incident opens and resolves. */
    notify: string[];
  };
  alerts: {
    notifiers: NotifierConfig[];
    rules: AlertRule[];
    repeatMs: number;
    /** Base of links in notifications. */
    publicUrl: string | null;
  };
}

export const defaultInsightsConfig: InsightsConfig = {
  insights: { enabled: true, intervalMs: 60_000, historyMinutes: 60, sameHourDays: 7, notify: [] },
  alerts: { notifiers: [], rules: [], repeatMs: 4 * 3_600_000, publicUrl: null },
};

type Raw = Record<string, unknown>;

function mapping(value: unknown, key: string): Raw {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`${key}: expected a mapping`);
  return value as Raw;
}

function list(value: unknown, key: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Error(`${key}: expected a list`);
  return value;
}

function text(value: unknown, key: string): string {
  if (typeof value !== 'string' || value === '') throw new Error(`${key}: expected a non-empty string, got ${JSON.stringify(value)}`);
  return value;
}

function intIn(value: unknown, key: string, fallback: number, min: number, max: number): number {
  if (value === undefined || value === null) return fallback;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) throw new Error(`${key}: expected an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return n;
}

function duration(value: unknown, key: string, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  const ms = parseDurationMs(value);
  if (ms === null || ms <= 0) throw new Error(`${key}: expected a duration such as 30s, 5m or 4h, got ${JSON.stringify(value)}`);
  return ms;
}

/**
 * Reads the `insights` and `alerts` sections; each failure names the key,
 * e.g. `alerts.rules[1].condition: a comparison such as "> 10" or "anomalous"`.
 */
export function parseInsightsConfig(rawInsights: unknown, rawAlerts: unknown): InsightsConfig {
  const i = mapping(rawInsights, 'insights');
  const a = mapping(rawAlerts, 'alerts');
  const enabled = i.enabled === undefined || i.enabled === null ? true : i.enabled === true || i.enabled === 'true' ? true : i.enabled === false || i.enabled === 'false' ? false : null;
  if (enabled === null) throw new Error(`insights.enabled: expected true or false, got ${JSON.stringify(i.enabled)}`);
  const notifiers = list(a.notifiers, 'alerts.notifiers').map((n, k) => notifierAt(mapping(n, `alerts.notifiers[${k}]`), `alerts.notifiers[${k}]`));
  const names = new Set(notifiers.map((n) => n.name));
  const rules = list(a.rules, 'alerts.rules').map((r, k) => {
    const parsed = parseAlertRule(r, 'config');
    if (!parsed.ok) throw new Error(`alerts.rules[${k}].${parsed.reason}`);
    const unknown = parsed.value.notify.find((n) => !names.has(n));
    if (unknown) throw new Error(`alerts.rules[${k}].notify: no notifier named "${unknown}"`);
    return parsed.value;
  });
  const notify = list(i.notify, 'insights.notify').map((n, k) => text(n, `insights.notify[${k}]`));
  const unknown = notify.find((n) => !names.has(n));
  if (unknown) throw new Error(`insights.notify: no notifier named "${unknown}"`);
  return {
    insights: {
      enabled,
      intervalMs: duration(i.interval, 'insights.interval', 60_000),
      historyMinutes: intIn(i.historyMinutes, 'insights.historyMinutes', 60, 10, 1440),
      sameHourDays: intIn(i.sameHourDays, 'insights.sameHourDays', 7, 0, 60),
      notify,
    },
    alerts: { notifiers, rules, repeatMs: duration(a.repeatInterval, 'alerts.repeatInterval', 4 * 3_600_000), publicUrl: a.publicUrl === undefined || a.publicUrl === null ? null : text(a.publicUrl, 'alerts.publicUrl') },
  };
}

function notifierAt(n: Raw, key: string): NotifierConfig {
  const name = text(n.name, `${key}.name`);
  if (n.type === 'webhook') {
    const format = n.format ?? 'json';
    if (format !== 'json' && format !== 'slack') throw new Error(`${key}.format: expected json or slack, got ${JSON.stringify(format)}`);
    return { name, type: 'webhook', url: text(n.url, `${key}.url`), format };
  }
  if (n.type === 'email') {
    const to = list(n.to, `${key}.to`).map((t, k) => text(t, `${key}.to[${k}]`));
    if (to.length === 0) throw new Error(`${key}.to: expected at least one address`);
    return {
      name, type: 'email', host: text(n.host, `${key}.host`), port: intIn(n.port, `${key}.port`, 587, 1, 65535), secure: n.secure === true,
      user: n.user === undefined ? null : text(n.user, `${key}.user`), password: n.password === undefined ? null : text(n.password, `${key}.password`),
      from: text(n.from, `${key}.from`), to,
    };
  }
  throw new Error(`${key}.type: expected webhook or email, got ${JSON.stringify(n.type)}`);
}
