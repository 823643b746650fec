// Discover's field list: each field with its commonest values in a sample;
// the + and − buttons filter in or out, which edits the query.
import { useState } from 'react';
import type { FieldSummary } from '../../api/types.ts';
import { formatValue } from '../../components/format.ts';

interface FieldSidebarProps {
  fields: FieldSummary[];
  sampled: number;
  onFilter: (field: string, value: unknown, exclude: boolean) => void;
}

function FieldEntry({ field, sampled, onFilter }: { field: FieldSummary; sampled: number; onFilter: FieldSidebarProps['onFilter'] }) {
  const [open, setOpen] = useState(false);
  const id = `field-${field.name.replace(/[^a-z0-9]/gi, '-')}`;
  return (
    <li className="field">
      <button type="button" className="field-name" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)} title={field.doc}>
        <span className="field-type" aria-hidden="true">{field.type.slice(0, 3)}</span> {field.name}
      </button>
      {open && (
        <div id={id} className="field-values">
          {field.top.length === 0 && <p className="muted">No values in the sample.</p>}
          {field.top.map((entry) => {
            const label = formatValue(entry.value) || '(empty)';
            const share = sampled > 0 ? Math.round((entry.count / sampled) * 100) : 0;
            return (
              <div key={label} className="field-value">
                <span className="value-text" title={label}>
                  {label}
                </span>
                <span className="muted">{share}%</span>
                <button type="button" aria-label={`Filter for ${field.name} ${label}`} onClick={() => onFilter(field.name, entry.value, false)}>
                  +
                </button>
                <button type="button" aria-label={`Filter out ${field.name} ${label}`} onClick={() => onFilter(field.name, entry.value, true)}>
                  −
                </button>
                <span className="share-bar" style={{ width: `${share}%` }} aria-hidden="true" />
              </div>
            );
          })}
        </div>
      )}
    </li>
  );
}

/** The fields of the signal with their top values. */
export function FieldSidebar({ fields, sampled, onFilter }: FieldSidebarProps) {
  const [filter, setFilter] = useState('');
  const shown = fields.filter((f) => f.name.toLowerCase().includes(filter.toLowerCase()) && f.present !== 0);
  return (
    <aside className="field-sidebar panel" aria-label="Fields">
      <label htmlFor="field-filter" className="visually-hidden">
        Filter field names
      </label>
      <input id="field-filter" placeholder="Filter fields" value={filter} onChange={(event) => setFilter(event.target.value)} />
      <p className="muted small">Top values in {sampled} sampled rows</p>
      <ul className="field-list">
        {shown.map((f) => (
          <FieldEntry key={f.name} field={f} sampled={sampled} onFilter={onFilter} />
        ))}
      </ul>
    </aside>
  );
}
