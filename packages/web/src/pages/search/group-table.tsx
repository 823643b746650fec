// The groups of a `stats` or `timechart` query as a plain table.
import type { Row } from '../../api/types.ts';
import { formatValue } from '../../components/format.ts';

/** One row per group, one column per key and aggregate. */
export function GroupTable({ rows }: { rows: Row[] }) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return (
    <div className="group-table-box">
      <table className="group-table" aria-label="Query groups">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c} className="mono">
                  {formatValue(row[c])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
