// The result rows, virtualised: only the rows in view are in the DOM, so
// 10,000 rows scroll as smoothly as 10.
import { useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Row, Signal } from '../../api/types.ts';
import { TraceLink } from '../../components/trace-link.tsx';
import { formatTime, formatValue, statusClass } from '../../components/format.ts';
import { SEARCH_COLUMNS, type Column } from './search-columns.ts';

const ROW_HEIGHT = 30;

interface ResultsTableProps {
  signal: Signal;
  rows: Row[];
  selected: number | null;
  onSelect: (index: number | null) => void;
}

function Cell({ column, value }: { column: Column; value: unknown }) {
  if (value === null || value === undefined || value === '') return <span className="muted">–</span>;
  switch (column.kind) {
    case 'time':
      return <span className="mono">{formatTime(value)}</span>;
    case 'status':
      return <span className={`status ${statusClass(value)}`}>{String(value)}</span>;
    case 'trace':
      return <TraceLink id={String(value)} />;
    case 'level':
      return <span className={`level level-${String(value)}`}>{String(value)}</span>;
    case 'seconds':
      return <span className="mono">{Number(value).toFixed(3)}</span>;
    default:
      return <span title={formatValue(value)}>{formatValue(value)}</span>;
  }
}

/** The table of matches; a click or Enter on a row opens its detail. */
export function ResultsTable({ signal, rows, selected, onSelect }: ResultsTableProps) {
  const columns = SEARCH_COLUMNS[signal];
  const template = columns.map((c) => c.width).join(' ');
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const onKey = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(selected === index ? null : index);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = Math.min(rows.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)));
      virtualizer.scrollToIndex(next);
      requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
    }
  };
  return (
    <div className="results" role="table" aria-label="Search results" aria-rowcount={rows.length + 1}>
      <div className="results-head" role="row" style={{ gridTemplateColumns: template }}>
        {columns.map((c) => (
          <span key={c.field} role="columnheader">
            {c.label}
          </span>
        ))}
      </div>
      <div className="results-body" ref={scroller} data-testid="results-body" style={{ height: Math.max(3, rows.length) * ROW_HEIGHT + 2 }}>
        {rows.length === 0 && <p className="muted empty-results">No rows to show.</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                key={item.key}
                role="row"
                tabIndex={0}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                aria-selected={selected === item.index}
                className="results-row"
                style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={(event) => (event.target as HTMLElement).closest('a') === null && onSelect(selected === item.index ? null : item.index)}
                onKeyDown={(event) => onKey(event, item.index)}
              >
                {columns.map((c) => (
                  <span key={c.field} role="cell">
                    <Cell column={c} value={row[c.field]} />
                  </span>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
