// Each alert rule with its state, query and condition, and its pending and
// firing alerts: labels, value, since when, silenced or not.
import { Link } from '../../app/index.ts';
import type { AlertInstance, AlertRuleState } from '../../api/index.ts';
import { minuteText, spanOf } from '../insights/incident-format.ts';
import { labelsText, ruleQueryPath, ruleState, sortRules, type RuleState } from './alert-state.ts';

const TONE: Record<RuleState, string> = { firing: 'error', pending: 'warn', ok: 'ok' };

/** A duration as the API gives it (`300s`) in minutes or hours when round. */
function durationText(text: string): string {
  const seconds = /^(\d+(?:\.\d+)?)s$/.exec(text)?.[1];
  return seconds === undefined ? text : spanOf(Number(seconds) * 1000);
}

function AlertsTable({ rule, nowMs, onSilence }: { rule: AlertRuleState; nowMs: number; onSilence: (alert: AlertInstance) => void }) {
  if (rule.alerts.length === 0) return <p className="muted">No alert: the condition holds for no group.</p>;
  return (
    <table className="incident-table alerts-table">
      <thead>
        <tr>
          <th scope="col">State</th>
          <th scope="col">Labels</th>
          <th scope="col">Value</th>
          <th scope="col">Since</th>
          <th scope="col">Silenced</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rule.alerts.map((alert) => (
          <tr key={labelsText(alert.labels)} className={alert.state === 'firing' && !alert.silenced ? 'incident-open' : undefined}>
            <td>
              <span className={`badge ${alert.state === 'firing' ? 'error' : 'warn'}`}>{alert.state}</span>
            </td>
            <td className="mono">{labelsText(alert.labels)}</td>
            <td className="num">{Number(alert.value.toPrecision(4)).toLocaleString('en')}</td>
            <td className="nowrap">
              {minuteText(alert.since)} <span className="muted">({spanOf(nowMs - Date.parse(alert.since))})</span>
            </td>
            <td>{alert.silenced ? <span className="badge">silenced</span> : <span className="muted">no</span>}</td>
            <td>
              <button type="button" onClick={() => onSilence(alert)} aria-label={`Silence ${rule.name} ${labelsText(alert.labels)}`}>
                Silence…
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every rule as a panel, firing ones first. */
export function AlertRules({ rules, nowMs, onSilence, onDelete }: { rules: AlertRuleState[]; nowMs: number; onSilence: (rule: AlertRuleState, alert: AlertInstance) => void; onDelete: (rule: AlertRuleState) => void }) {
  if (rules.length === 0) {
    return (
      <p className="panel muted" role="status">
        No alert rules. Add them under <code>alerts.rules</code> in <code>tinsel.yaml</code>, or with <code>POST /api/alerts</code> (docs/insights.md).
      </p>
    );
  }
  return (
    <ul className="rule-list">
      {sortRules(rules).map((rule) => {
        const state = ruleState(rule);
        return (
          <li key={rule.name} className={`panel stack rule rule-${state}`} data-rule={rule.name}>
            <div className="row">
              <span className={`badge big ${TONE[state]}`}>{state}</span>
              <h2 className="rule-name">{rule.name}</h2>
              <span className="muted">
                {rule.condition} over {durationText(rule.window)}, {/^0+(\.0+)?s$/.test(rule.for) ? 'fires at once' : `firing after ${durationText(rule.for)}`} · {rule.origin === 'config' ? 'from tinsel.yaml' : 'added through the API'}
                {rule.notify.length > 0 ? ` · notifies ${rule.notify.join(', ')}` : ''}
              </span>
              <span className="spacer" />
              <Link to={ruleQueryPath(rule)}>Run the query in Search</Link>
              {rule.origin === 'api' ? (
                <button type="button" onClick={() => onDelete(rule)} aria-label={`Delete the rule ${rule.name}`}>
                  Delete rule
                </button>
              ) : null}
            </div>
            <code className="rule-query">{rule.query}</code>
            <AlertsTable rule={rule} nowMs={nowMs} onSilence={(alert) => onSilence(rule, alert)} />
          </li>
        );
      })}
    </ul>
  );
}
