// Pure helpers of the Alerts page: a rule's state, labels as text and in the
// address, and the silence a form asks for.
import { searchPath } from '../../app/paths.ts';
import type { AlertRuleState, Silence, SilenceRequest } from '../../api/index.ts';

/** A rule's state as Grafana shows it: firing when any alert fires, pending when one waits out `for`, ok otherwise. */
export type RuleState = 'firing' | 'pending' | 'ok';

/** The worst state among a rule's alerts. */
export function ruleState(rule: Pick<AlertRuleState, 'alerts'>): RuleState {
  if (rule.alerts.some((a) => a.state === 'firing')) return 'firing';
  return rule.alerts.some((a) => a.state === 'pending') ? 'pending' : 'ok';
}

const ORDER: Record<RuleState, number> = { firing: 0, pending: 1, ok: 2 };

/** Firing rules first, then pending, then the quiet ones, each by name. */
export function sortRules(rules: AlertRuleState[]): AlertRuleState[] {
  return [...rules].sort((a, b) => ORDER[ruleState(a)] - ORDER[ruleState(b)] || a.name.localeCompare(b.name));
}

/**
 * Labels as `name=value` pairs, in name order.
 *
 * @example labelsText({ instance_id: 'i-0abc' }) // 'instance_id=i-0abc'
 */
export function labelsText(labels: Record<string, string>): string {
  const entries = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? '(no labels)' : entries.map(([k, v]) => `${k}=${v}`).join(', ');
}

/** Labels for the address: JSON, so any value survives (commas, equals signs). */
export function labelsParam(labels: Record<string, string>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b))));
}

/** The address's labels back; an unreadable value gives none. */
export function parseLabelsParam(text: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

/** What the silence form holds. */
export interface SilenceDraft {
  rule: string;
  /** Silence only this rule's alerts (else any rule's alerts with these labels). */
  onlyRule: boolean;
  labels: Record<string, string>;
  /** The labels kept as matchers. */
  chosen: string[];
  duration: string;
  comment: string;
}

/**
 * The POST /api/silences body for a draft; a reason when the draft would
 * silence nothing in particular.
 */
export function silenceRequestFor(draft: SilenceDraft): { ok: true; request: SilenceRequest } | { ok: false; reason: string } {
  const matchers = Object.fromEntries(draft.chosen.filter((k) => k in draft.labels).map((k) => [k, draft.labels[k]!]));
  if (!draft.onlyRule && Object.keys(matchers).length === 0) return { ok: false, reason: 'Pick a label to match, or limit the silence to the rule.' };
  if (!/^\d+(\.\d+)?(s|m|h|d)$/.test(draft.duration.trim())) return { ok: false, reason: 'Duration: a number and a unit, such as 30m, 2h or 1d.' };
  const request: SilenceRequest = { duration: draft.duration.trim(), matchers };
  if (draft.onlyRule) request.rule = draft.rule;
  if (draft.comment.trim() !== '') request.comment = draft.comment.trim();
  return { ok: true, request };
}

/** What a silence matches, in words: `rule checkout-5xx, instance_id=i-0abc`. */
export function silenceScope(silence: Pick<Silence, 'rule' | 'matchers'>): string {
  const parts = [silence.rule === null ? '' : `rule ${silence.rule}`, Object.keys(silence.matchers).length > 0 ? labelsText(silence.matchers) : ''];
  return parts.filter(Boolean).join(', ');
}

/**
 * Search running a rule's query over its window, as the rule sees it now.
 *
 * @example ruleQueryPath({ query: 'status:5xx | stats count()', signal: 'requests', window: '300s' }) // '/search?q=…&signal=requests&from=-300s'
 */
export function ruleQueryPath(rule: Pick<AlertRuleState, 'query' | 'signal' | 'window'>): string {
  const signal = rule.signal === 'spans' || rule.signal === 'logs' ? rule.signal : 'requests';
  return searchPath({ q: rule.query, signal, from: /^\d+s$/.test(rule.window) ? `-${rule.window}` : '-1h' });
}
