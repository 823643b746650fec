/**
 * A silence: while it lasts, alerts of the rule (all rules when absent)
 * whose labels include every matcher are not notified. State keeps being
 * tracked, so an alert still firing when the silence ends is notified then.
 */
export interface Silence {
  id: string;
  rule: string | null;
  matchers: Record<string, string>;
  /** Epoch milliseconds. */
  startsAt: number;
  endsAt: number;
  comment: string;
  createdBy: string;
}

export function silences(silence: Silence, rule: string, labels: Record<string, string>, nowMs: number): boolean {
  if (nowMs < silence.startsAt || nowMs >= silence.endsAt) return false;
  if (silence.rule !== null && silence.rule !== rule) return false;
  return Object.entries(silence.matchers).every(([k, v]) => labels[k] === v);
}
