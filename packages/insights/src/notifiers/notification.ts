/** One alert inside a notification. */
export interface NotifiedAlert {
  labels: Record<string, string>;
  value: number;
  /** Epoch milliseconds. */
  startsAt: number;
  endsAt: number | null;
}

/**
 * What a notifier sends: the alerts of one rule that changed together in
 * one evaluation (grouped), either all firing or all resolved.
 */
export interface Notification {
  rule: string;
  status: 'firing' | 'resolved';
  /** `> 10` or `anomalous`. */
  condition: string;
  query: string;
  alerts: NotifiedAlert[];
  /** Stable per rule and status, for receivers that de-duplicate themselves. */
  groupKey: string;
  /** Link to the matching requests, when the server knows its public address. */
  url: string | null;
}

/** Something that delivers notifications: a webhook, an SMTP server. */
export interface Notifier {
  readonly name: string;
  send(notification: Notification): Promise<void>;
}

/** A one-line summary used by every format. */
export function summary(n: Notification): string {
  const what = n.alerts.map((a) => (Object.keys(a.labels).length === 0 ? `${a.value}` : `${Object.entries(a.labels).map(([k, v]) => `${k}=${v}`).join(' ')}: ${a.value}`));
  return `[${n.status.toUpperCase()}] ${n.rule} (${n.condition}) ${what.slice(0, 5).join('; ')}${what.length > 5 ? ` and ${what.length - 5} more` : ''}`;
}
