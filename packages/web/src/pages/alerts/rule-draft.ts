// The new-rule form's checks before POST /api/alerts, so the common slips
// are named beside the field; the server still has the last word.
import type { AlertRuleRequest } from '../../api/index.ts';

/** What the form holds, as typed. */
export interface RuleDraft {
  name: string;
  query: string;
  signal: 'requests' | 'spans' | 'logs';
  condition: string;
  window: string;
  for: string;
}

export const EMPTY_RULE: RuleDraft = { name: '', query: '', signal: 'requests', condition: '> 10', window: '5m', for: '0s' };

const DURATION = /^\d+(\.\d+)?(ms|s|m|h|d)$/;

/**
 * The request body, or the first problem with the field it concerns.
 *
 * @example ruleRequestFor({ ...EMPTY_RULE, name: 'checkout-5xx', query: 'status:5xx | stats count()' })
 */
export function ruleRequestFor(draft: RuleDraft): { ok: true; request: AlertRuleRequest } | { ok: false; field: keyof RuleDraft; reason: string } {
  const name = draft.name.trim();
  const query = draft.query.trim();
  const condition = draft.condition.trim();
  if (!/^[\w.-]{1,100}$/.test(name)) return { ok: false, field: 'name', reason: 'Name: letters, digits, dots, dashes or underscores.' };
  if (!/\|\s*stats\b/.test(query)) return { ok: false, field: 'query', reason: 'Query: a TQL query ending in | stats, such as status:5xx | stats count() by instance_id.' };
  if (condition !== 'anomalous' && !/^(>=|<=|>|<)\s*-?\d+(\.\d+)?$/.test(condition)) return { ok: false, field: 'condition', reason: 'Condition: a comparison such as > 10, or anomalous.' };
  if (!DURATION.test(draft.window.trim())) return { ok: false, field: 'window', reason: 'Window: a duration such as 5m.' };
  if (!DURATION.test(draft.for.trim())) return { ok: false, field: 'for', reason: 'For: a duration such as 2m, or 0s to fire at once.' };
  return { ok: true, request: { name, query, signal: draft.signal, condition, window: draft.window.trim(), for: draft.for.trim() } };
}
