// The active silences, each with what it matches, until when, and a button
// that ends it.
import { useState } from 'react';
import { deleteSilence, type Silence } from '../../api/index.ts';
import { minuteText, spanOf } from '../insights/incident-format.ts';
import { silenceScope } from './alert-state.ts';

/** A table of silences; ending one reloads the page's data through `onChanged`. */
export function SilencesTable({ silences, nowMs, onChanged }: { silences: Silence[]; nowMs: number; onChanged: () => void }) {
  const [problem, setProblem] = useState('');
  if (silences.length === 0) return <p className="muted">No active silence. Silence an alert from its row above.</p>;
  const end = (id: string) => {
    setProblem('');
    deleteSilence(id).then(onChanged, (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  };
  return (
    <>
      {problem ? (
        <p className="error-text" role="alert">
          {problem}
        </p>
      ) : null}
      <table className="incident-table silences-table">
        <thead>
          <tr>
            <th scope="col">Matches</th>
            <th scope="col">Ends</th>
            <th scope="col">Comment</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {silences.map((s) => (
            <tr key={s.id} data-silence-id={s.id}>
              <td className="mono">{silenceScope(s)}</td>
              <td className="nowrap">
                {minuteText(s.endsAt)} <span className="muted">(in {spanOf(Date.parse(s.endsAt) - nowMs)})</span>
              </td>
              <td>
                {s.comment}
                {s.createdBy ? <span className="muted"> — {s.createdBy}</span> : null}
              </td>
              <td>
                <button type="button" onClick={() => end(s.id)} aria-label={`End the silence of ${silenceScope(s)}`}>
                  End silence
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
