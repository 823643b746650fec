// Relative ranges (last 15 minutes …) and absolute ones (from/to instants), kept in the address.
import { useEffect, useState } from 'react';

const PRESETS = [
  { label: 'Last 5 minutes', from: '-5m' },
  { label: 'Last 15 minutes', from: '-15m' },
  { label: 'Last hour', from: '-1h' },
  { label: 'Last 6 hours', from: '-6h' },
  { label: 'Last 24 hours', from: '-24h' },
  { label: 'Last 7 days', from: '-7d' },
];

interface TimePickerProps {
  from: string;
  to: string;
  onChange: (from: string, to: string) => void;
}

/** ISO instant → the value a datetime-local input shows (UTC, seconds). */
function toInput(value: string): string {
  return /^\d{4}-\d\d-\d\dT/.test(value) ? value.slice(0, 19) : '';
}

/** A datetime-local value read as UTC, with seconds. */
function asUtc(value: string): string {
  return `${value.length === 16 ? `${value}:00` : value}Z`;
}

/** A range picker: a preset list, or two UTC instants. */
export function TimePicker({ from, to, onChange }: TimePickerProps) {
  const relative = to === 'now' && PRESETS.some((p) => p.from === from);
  const [start, setStart] = useState(toInput(from));
  const [end, setEnd] = useState(toInput(to));
  useEffect(() => {
    setStart(toInput(from));
    setEnd(toInput(to));
  }, [from, to]);
  return (
    <div className="row time-picker">
      <label htmlFor="range-preset">Range</label>
      <select id="range-preset" value={relative ? from : 'absolute'} onChange={(event) => event.target.value !== 'absolute' && onChange(event.target.value, 'now')}>
        {PRESETS.map((p) => (
          <option key={p.from} value={p.from}>
            {p.label}
          </option>
        ))}
        <option value="absolute">Absolute…</option>
      </select>
      <label htmlFor="range-from">From (UTC)</label>
      <input id="range-from" type="datetime-local" step="1" value={start} onChange={(event) => setStart(event.target.value)} />
      <label htmlFor="range-to">To (UTC)</label>
      <input id="range-to" type="datetime-local" step="1" value={end} onChange={(event) => setEnd(event.target.value)} />
      <button type="button" disabled={start === '' || end === ''} onClick={() => onChange(asUtc(start), asUtc(end))}>
        Apply
      </button>
    </div>
  );
}
