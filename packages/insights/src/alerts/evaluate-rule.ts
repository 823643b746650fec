import { runTql, parseTql } from '@tinsel/query';
import type { Store } from '@tinsel/store';
import type { AlertRule } from './alert-rule.ts';

/** One group of a rule's answer: its `by` values and its first aggregate. */
export interface RuleValue {
  /** `field=value` pairs of the group, `{}` without `by`. */
  labels: Record<string, string>;
  value: number;
}

/** Fewest groups a rule's answer is read for; more are ignored (and should be a narrower query). */
const MAX_GROUPS = 500;

/**
 * Runs a rule's query over the window ending at `nowMs` and returns one
 * value per group. A query that matches nothing still answers one group
 * with value 0 when it has no `by`, so that "count() < 1" can fire.
 */
export async function evaluateRule(store: Store, rule: AlertRule, nowMs: number): Promise<RuleValue[]> {
  const parsed = parseTql(rule.query);
  if (!parsed.ok) throw new Error(`alert rule ${rule.name}: ${parsed.reason}`);
  const stats = parsed.value.pipes.find((p) => p.kind === 'stats');
  if (stats?.kind !== 'stats') throw new Error(`alert rule ${rule.name}: no stats pipe`);
  const answer = await runTql(store, parsed.value, { signal: rule.signal, from: (nowMs - rule.window) * 1000, to: nowMs * 1000, limit: MAX_GROUPS, count: false, nowMs });
  if (!answer.ok) throw new Error(`alert rule ${rule.name}: ${answer.reason}`);
  const aggregate = stats.aggs[0]?.name ?? 'count';
  const byNames = stats.by.map((b) => b.name);
  const values = answer.value.rows.map((row) => ({
    labels: Object.fromEntries(byNames.map((name) => [name, String(row[name] ?? '')])),
    value: Number(row[aggregate] ?? 0),
  }));
  if (values.length === 0 && byNames.length === 0) values.push({ labels: {}, value: 0 });
  return values;
}
