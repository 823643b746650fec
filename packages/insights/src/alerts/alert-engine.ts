import type { Store } from '@tinsel/store';
import { robustBaseline } from '../detection/robust-baseline.ts';
import type { Notification, NotifiedAlert, Notifier } from '../notifiers/notification.ts';
import { describeAlertRule, type AlertRule } from './alert-rule.ts';
import { labelsKey, type AlertState } from './alert-state.ts';
import { evaluateRule, type RuleValue } from './evaluate-rule.ts';
import { silences, type Silence } from './silence.ts';

export interface AlertEngineOptions {
  store: Store;
  notifiers: readonly Notifier[];
  /** How often a still-firing alert is notified again; default 4 hours. */
  repeatMs?: number;
  /** Base of links in notifications (`http://tinsel.example:5170`), when known. */
  publicUrl?: string | null;
  log?: (event: Record<string, unknown>) => void;
}

/** What one evaluation did. */
export interface EvaluationReport {
  notifications: Notification[];
  failures: { notifier: string; rule: string; error: string }[];
}

/** Points of history an `anomalous` rule needs before it can fire. */
const MIN_HISTORY = 10;
const MAX_HISTORY = 120;

/**
 * Evaluates alert rules, keeps each alert's state (pending → firing →
 * resolved), and notifies: grouped per rule and evaluation, once per
 * firing (again only after `repeatMs`), with a resolved notification for
 * what was notified, and nothing for what a silence covers.
 */
export class AlertEngine {
  private readonly ruleMap = new Map<string, AlertRule>();
  private readonly states = new Map<string, AlertState>();
  private readonly silenceMap = new Map<string, Silence>();

  constructor(private readonly options: AlertEngineOptions) {}

  rules(): AlertRule[] {
    return [...this.ruleMap.values()];
  }

  /** Adds or replaces a rule; replacing a rule forgets its alerts' state. */
  putRule(rule: AlertRule): void {
    this.ruleMap.set(rule.name, rule);
    for (const [key, state] of this.states) if (state.rule === rule.name) this.states.delete(key);
  }

  removeRule(name: string): 'removed' | 'missing' | 'from-config' {
    const rule = this.ruleMap.get(name);
    if (!rule) return 'missing';
    if (rule.origin === 'config') return 'from-config';
    this.ruleMap.delete(name);
    for (const [key, state] of this.states) if (state.rule === name) this.states.delete(key);
    return 'removed';
  }

  /** Every rule with its alerts that are pending or firing. */
  describe(nowMs: number): Record<string, unknown>[] {
    return this.rules().map((rule) => ({
      ...describeAlertRule(rule),
      alerts: [...this.states.values()]
        .filter((s) => s.rule === rule.name && s.pendingSince !== null)
        .map((s) => ({ labels: s.labels, value: s.value, state: s.firingSince === null ? 'pending' : 'firing', since: new Date(s.firingSince ?? s.pendingSince ?? nowMs).toISOString(), silenced: this.isSilenced(s, nowMs) })),
    }));
  }

  silences(): Silence[] {
    return [...this.silenceMap.values()];
  }

  addSilence(silence: Silence): void {
    this.silenceMap.set(silence.id, silence);
  }

  removeSilence(id: string): boolean {
    return this.silenceMap.delete(id);
  }

  /** Evaluates every rule at `nowMs` and sends what changed. */
  async evaluate(nowMs: number): Promise<EvaluationReport> {
    const report: EvaluationReport = { notifications: [], failures: [] };
    for (const [id, s] of this.silenceMap) if (s.endsAt <= nowMs) this.silenceMap.delete(id);
    for (const rule of this.rules()) {
      let values: RuleValue[];
      try {
        values = await evaluateRule(this.options.store, rule, nowMs);
      } catch (error) {
        this.options.log?.({ level: 'error', msg: 'alert rule failed', rule: rule.name, error: String(error) });
        continue;
      }
      const { firing, resolved } = this.advance(rule, values, nowMs);
      for (const [status, alerts] of [['firing', firing], ['resolved', resolved]] as const) {
        if (alerts.length === 0) continue;
        const n = this.notification(rule, status, alerts);
        report.notifications.push(n);
        report.failures.push(...(await this.send(rule, n)));
      }
    }
    return report;
  }

  private advance(rule: AlertRule, values: readonly RuleValue[], nowMs: number): { firing: NotifiedAlert[]; resolved: NotifiedAlert[] } {
    const seen = new Set<string>();
    const firing: NotifiedAlert[] = [];
    const resolved: NotifiedAlert[] = [];
    const all = [...values];
    // Groups that no longer appear in the answer count as zero, so they can resolve.
    for (const s of this.states.values()) if (s.rule === rule.name && !values.some((v) => labelsKey(rule.name, v.labels) === labelsKey(s.rule, s.labels))) all.push({ labels: s.labels, value: 0 });
    for (const v of all) {
      const key = labelsKey(rule.name, v.labels);
      if (seen.has(key)) continue;
      seen.add(key);
      const s = this.states.get(key) ?? { rule: rule.name, labels: v.labels, value: v.value, pendingSince: null, firingSince: null, notifiedAt: null, history: [] };
      const holds = this.holds(rule, s, v.value);
      s.value = v.value;
      s.history = [...s.history, v.value].slice(-MAX_HISTORY);
      if (holds) {
        s.pendingSince ??= nowMs;
        if (s.firingSince === null && nowMs - s.pendingSince >= rule.for) s.firingSince = nowMs;
        const due = s.notifiedAt === null || nowMs - s.notifiedAt >= (this.options.repeatMs ?? 4 * 3_600_000);
        if (s.firingSince !== null && due && !this.isSilenced(s, nowMs)) {
          s.notifiedAt = nowMs;
          firing.push({ labels: s.labels, value: s.value, startsAt: s.firingSince, endsAt: null });
        }
      } else {
        if (s.firingSince !== null && s.notifiedAt !== null) resolved.push({ labels: s.labels, value: s.value, startsAt: s.firingSince, endsAt: nowMs });
        s.pendingSince = null;
        s.firingSince = null;
        s.notifiedAt = null;
      }
      this.states.set(key, s);
    }
    return { firing, resolved };
  }

  private holds(rule: AlertRule, s: AlertState, value: number): boolean {
    if (rule.anomalous) {
      if (s.history.length < MIN_HISTORY) return false;
      const b = robustBaseline(s.history);
      return b !== null && value > b.median + Math.max(4 * b.spread, 0.1 * Math.abs(b.median), 1);
    }
    const t = rule.threshold;
    if (t === null) return false;
    return t.op === '>' ? value > t.value : t.op === '>=' ? value >= t.value : t.op === '<' ? value < t.value : value <= t.value;
  }

  private isSilenced(s: AlertState, nowMs: number): boolean {
    return [...this.silenceMap.values()].some((silence) => silences(silence, s.rule, s.labels, nowMs));
  }

  private notification(rule: AlertRule, status: Notification['status'], alerts: NotifiedAlert[]): Notification {
    const base = this.options.publicUrl ?? null;
    return {
      rule: rule.name,
      status,
      condition: rule.anomalous ? 'anomalous' : `${rule.threshold?.op} ${rule.threshold?.value}`,
      query: rule.query,
      alerts,
      groupKey: `${rule.name}/${status}`,
      url: base === null ? null : `${base}/search?signal=${rule.signal}&q=${encodeURIComponent(rule.query)}`,
    };
  }

  private async send(rule: AlertRule, n: Notification): Promise<EvaluationReport['failures']> {
    const targets = this.options.notifiers.filter((x) => rule.notify.length === 0 || rule.notify.includes(x.name));
    const failures: EvaluationReport['failures'] = [];
    await Promise.all(targets.map(async (notifier) => {
      try {
        await notifier.send(n);
      } catch (error) {
        failures.push({ notifier: notifier.name, rule: rule.name, error: String(error) });
        this.options.log?.({ level: 'warn', msg: 'notification failed', notifier: notifier.name, rule: rule.name, error: String(error) });
      }
    }));
    return failures;
  }
}
