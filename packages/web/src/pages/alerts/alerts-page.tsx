// `/alerts`: the alert rules with their firing and pending alerts, the
// active silences, and a form to silence an alert. The alert being silenced
// is in the address (`silence` = rule, `match` = its labels).
import { useEffect, useState } from 'react';
import { setUrlParams, useUrlState } from '../../app/index.ts';
import { deleteAlertRule, fetchAlerts } from '../../api/index.ts';
import { useApi } from '../../api/use-api.ts';
import { InsightsFailure } from '../insights/insights-failure.tsx';
import { AlertRules } from './alert-rules.tsx';
import { labelsParam, parseLabelsParam, ruleState } from './alert-state.ts';
import { RuleForm } from './rule-form.tsx';
import { SilenceForm } from './silence-form.tsx';
import { SilencesTable } from './silences-table.tsx';
import '../insights/insights.css';

/** How often the page reloads the rules on its own: alerts change once per evaluation. */
const REFRESH_MS = 30_000;

/** The alerts page. */
export function AlertsPage() {
  const [refresh, setRefresh] = useState(0);
  const [silenceRule] = useUrlState('silence', '');
  const [match] = useUrlState('match', '');
  const reload = () => setRefresh((n) => n + 1);
  const [problem, setProblem] = useState('');
  const removeRule = (name: string) => {
    setProblem('');
    deleteAlertRule(name).then(reload, (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  };
  useEffect(() => {
    const timer = setInterval(() => setRefresh((n) => n + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const answer = useApi(`alerts:${refresh}`, (signal) => fetchAlerts(signal));
  // Keep the last answer on screen while a refresh loads, instead of blanking the page.
  const [last, setLast] = useState<typeof answer | null>(null);
  useEffect(() => {
    if (answer.state !== 'loading') setLast(answer);
  }, [answer]);
  const shown = answer.state === 'loading' && last ? last : answer;
  const nowMs = Date.now();
  const closeForm = (created: boolean) => {
    setUrlParams({ silence: null, match: null });
    if (created) reload();
  };
  const counts = shown.state === 'done' ? { firing: shown.value.rules.filter((r) => ruleState(r) === 'firing').length, rules: shown.value.rules.length } : null;
  return (
    <section className="stack insights alerts" aria-labelledby="alerts-title">
      <div className="row">
        <h1 id="alerts-title">Alerts</h1>
        {counts ? (
          <span className="muted">
            {counts.firing} of {counts.rules} rules firing · reloads every 30 s
          </span>
        ) : null}
        <span className="spacer" />
        <button type="button" onClick={reload}>
          Refresh
        </button>
      </div>
      {shown.state === 'loading' ? (
        <p className="muted" role="status">
          Loading alert rules…
        </p>
      ) : null}
      {shown.state === 'failed' ? <InsightsFailure error={shown.error} /> : null}
      {problem ? (
        <p className="error-text" role="alert">
          {problem}
        </p>
      ) : null}
      {silenceRule !== '' ? <SilenceForm key={`${silenceRule}:${match}`} rule={silenceRule} labels={parseLabelsParam(match)} onDone={closeForm} /> : null}
      {shown.state === 'done' ? (
        <>
          <AlertRules rules={shown.value.rules} nowMs={nowMs} onSilence={(rule, alert) => setUrlParams({ silence: rule.name, match: labelsParam(alert.labels) })} onDelete={(rule) => removeRule(rule.name)} />
          <RuleForm onCreated={reload} />
          <section className="panel stack" aria-labelledby="silences-title">
            <h2 id="silences-title">Active silences</h2>
            <SilencesTable silences={shown.value.silences} nowMs={nowMs} onChanged={reload} />
          </section>
        </>
      ) : null}
    </section>
  );
}
