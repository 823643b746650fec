// Every field of one row, with filter buttons and links to its story and trace.
import type { Row } from '../../api/types.ts';
import { Link } from '../../app/router.tsx';
import { storyPath, tracePath } from '../../app/paths.ts';
import { TraceLink } from '../../components/trace-link.tsx';
import { formatValue } from '../../components/format.ts';

interface RowDetailProps {
  row: Row;
  onFilter: (field: string, value: unknown, exclude: boolean) => void;
  onClose: () => void;
}

/** The selected row, field by field. */
export function RowDetail({ row, onFilter, onClose }: RowDetailProps) {
  const traceId = typeof row.trace_id === 'string' ? row.trace_id : null;
  return (
    <section className="row-detail panel" aria-label="Row detail" data-testid="row-detail">
      <div className="row">
        <h2 className="detail-title">Row detail</h2>
        {traceId && (
          <>
            <Link to={storyPath(traceId)} className="button-link">
              Open story
            </Link>
            <Link to={tracePath(traceId, typeof row.span_id === 'string' ? row.span_id : undefined)} className="button-link">
              Trace view
            </Link>
          </>
        )}
        <span className="spacer" />
        <button type="button" onClick={onClose} aria-label="Close row detail">
          Close
        </button>
      </div>
      <table className="detail-table">
        <tbody>
          {Object.entries(row).map(([field, value]) => (
            <tr key={field}>
              <th scope="row">{field}</th>
              <td className="mono">{field === 'trace_id' && typeof value === 'string' ? <TraceLink id={value} full /> : <pre className="value-pre">{typeof value === 'object' && value !== null ? JSON.stringify(value, null, 2) : formatValue(value)}</pre>}</td>
              <td className="detail-actions">
                {typeof value !== 'object' || value === null ? (
                  <>
                    <button type="button" aria-label={`Filter for ${field}`} onClick={() => onFilter(field, value, false)}>
                      +
                    </button>
                    <button type="button" aria-label={`Filter out ${field}`} onClick={() => onFilter(field, value, true)}>
                      −
                    </button>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
