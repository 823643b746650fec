// A folded form that adds an alert rule through POST /api/alerts. Rules
// added here last until the server stops; lasting ones belong in tinsel.yaml.
import { useState, type FormEvent } from 'react';
import { createAlertRule } from '../../api/index.ts';
import { EMPTY_RULE, ruleRequestFor, type RuleDraft } from './rule-draft.ts';

const FIELDS: { key: Exclude<keyof RuleDraft, 'signal'>; label: string; placeholder: string; wide?: boolean }[] = [
  { key: 'name', label: 'Name', placeholder: 'checkout-5xx' },
  { key: 'query', label: 'Query', placeholder: 'status:5xx path:/checkout | stats count() by instance_id', wide: true },
  { key: 'condition', label: 'Condition', placeholder: '> 10 or anomalous' },
  { key: 'window', label: 'Window', placeholder: '5m' },
  { key: 'for', label: 'For', placeholder: '2m' },
];

/** The form; `onCreated` reloads the rules. */
export function RuleForm({ onCreated }: { onCreated: () => void }) {
  const [draft, setDraft] = useState<RuleDraft>(EMPTY_RULE);
  const [problem, setProblem] = useState<{ field: string; reason: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = ruleRequestFor(draft);
    if (!built.ok) return setProblem(built);
    setBusy(true);
    setProblem(null);
    createAlertRule(built.request).then(
      () => {
        setBusy(false);
        setDraft(EMPTY_RULE);
        onCreated();
      },
      (error: unknown) => {
        setBusy(false);
        setProblem({ field: '', reason: error instanceof Error ? error.message : String(error) });
      },
    );
  };
  return (
    <details className="panel rule-form">
      <summary>New alert rule</summary>
      <form className="stack" onSubmit={submit} aria-label="New alert rule">
        <div className="rule-form-grid">
          {FIELDS.map((f) => (
            <label key={f.key} className={f.wide ? 'rule-field wide' : 'rule-field'}>
              <span>{f.label}</span>
              <input className="mono" value={draft[f.key]} placeholder={f.placeholder} aria-invalid={problem?.field === f.key} onChange={(e) => setDraft((d) => ({ ...d, [f.key]: e.target.value }))} />
            </label>
          ))}
          <label className="rule-field">
            <span>Signal</span>
            <select value={draft.signal} onChange={(e) => setDraft((d) => ({ ...d, signal: e.target.value as RuleDraft['signal'] }))}>
              <option value="requests">requests</option>
              <option value="spans">spans</option>
              <option value="logs">logs</option>
            </select>
          </label>
        </div>
        {problem ? (
          <p className="error-text" role="alert">
            {problem.reason}
          </p>
        ) : null}
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            Add rule
          </button>
          <span className="muted">Rules added here last until the server stops; put lasting ones in tinsel.yaml.</span>
        </div>
      </form>
    </details>
  );
}
