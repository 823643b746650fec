// The form that silences an alert: its labels as matchers (each can be
// dropped), the rule or not, a duration and a comment. The alert it starts
// from is in the address (`silence`, `match`), so the form survives a reload.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { createSilence } from '../../api/index.ts';
import { silenceRequestFor, type SilenceDraft } from './alert-state.ts';

const DURATIONS = ['30m', '1h', '2h', '4h', '8h', '1d'];

export interface SilenceFormProps {
  rule: string;
  labels: Record<string, string>;
  onDone: (created: boolean) => void;
}

/** Creates the silence, then tells the page to reload the rules. */
export function SilenceForm({ rule, labels, onDone }: SilenceFormProps) {
  const [draft, setDraft] = useState<SilenceDraft>({ rule, onlyRule: true, labels, chosen: Object.keys(labels), duration: '2h', comment: '' });
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const duration = useRef<HTMLInputElement>(null);
  // The form opens above the rules: bring it into view and put the keyboard in it.
  useEffect(() => {
    duration.current?.scrollIntoView({ block: 'nearest' });
    duration.current?.focus();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = silenceRequestFor(draft);
    if (!built.ok) return setProblem(built.reason);
    setBusy(true);
    createSilence(built.request).then(
      () => onDone(true),
      (error: unknown) => {
        setBusy(false);
        setProblem(error instanceof Error ? error.message : String(error));
      },
    );
  };
  const toggle = (key: string, on: boolean) => setDraft((d) => ({ ...d, chosen: on ? [...d.chosen, key] : d.chosen.filter((k) => k !== key) }));
  return (
    <form className="panel stack silence-form" onSubmit={submit} aria-label="New silence">
      <h3>Silence alerts of {rule}</h3>
      <fieldset className="row">
        <legend className="muted">Matchers</legend>
        <label className="row">
          <input type="checkbox" checked={draft.onlyRule} onChange={(e) => setDraft((d) => ({ ...d, onlyRule: e.target.checked }))} />
          <span>
            rule = <code>{rule}</code>
          </span>
        </label>
        {Object.entries(labels).map(([key, value]) => (
          <label key={key} className="row">
            <input type="checkbox" checked={draft.chosen.includes(key)} onChange={(e) => toggle(key, e.target.checked)} />
            <code>
              {key}={value}
            </code>
          </label>
        ))}
      </fieldset>
      <div className="row">
        <label htmlFor="silence-duration">For</label>
        <input ref={duration} id="silence-duration" list="silence-durations" className="mono silence-duration" value={draft.duration} onChange={(e) => setDraft((d) => ({ ...d, duration: e.target.value }))} />
        <datalist id="silence-durations">
          {DURATIONS.map((d) => (
            <option key={d} value={d} />
          ))}
        </datalist>
        <label htmlFor="silence-comment">Comment</label>
        <input id="silence-comment" className="silence-comment" value={draft.comment} placeholder="why, and who is on it" onChange={(e) => setDraft((d) => ({ ...d, comment: e.target.value }))} />
      </div>
      {problem ? (
        <p className="error-text" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          Create silence
        </button>
        <button type="button" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
