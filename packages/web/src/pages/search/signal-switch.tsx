import type { Signal } from '../../api/types.ts';

const LABELS: Record<Signal, string> = { requests: 'Requests', spans: 'Spans', logs: 'Logs' };

/** Which signal the search runs over, as a radio group. */
export function SignalSwitch({ value, onChange }: { value: Signal; onChange: (signal: Signal) => void }) {
  return (
    <fieldset className="signal-switch" aria-label="Signal">
      <legend className="visually-hidden">Signal</legend>
      {(Object.keys(LABELS) as Signal[]).map((signal) => (
        <label key={signal} className={value === signal ? 'active' : ''}>
          <input type="radio" name="signal" value={signal} checked={value === signal} onChange={() => onChange(signal)} />
          {LABELS[signal]}
        </label>
      ))}
    </fieldset>
  );
}
