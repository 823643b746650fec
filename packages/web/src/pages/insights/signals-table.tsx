// The anomalous figures of an incident's latest anomalous minute: what was
// measured where, its value beside what was expected and the threshold it crossed.
import type { IncidentSignal } from '../../api/index.ts';
import { metricLabel, minuteText, scopeText, signalFigure } from './incident-format.ts';

/** One row per signal; `against` says whether the scope was compared with its own history or its peers. */
export function SignalsTable({ signals }: { signals: IncidentSignal[] }) {
  if (signals.length === 0) return <p className="muted">No anomalous figure is recorded for this incident.</p>;
  return (
    <table className="incident-table signals-table">
      <caption className="muted">Anomalous figures in {minuteText(signals[0]?.minute ?? null)}</caption>
      <thead>
        <tr>
          <th scope="col">Metric</th>
          <th scope="col">Scope</th>
          <th scope="col">Value</th>
          <th scope="col">Expected</th>
          <th scope="col">Threshold</th>
          <th scope="col">Against</th>
          <th scope="col">Requests</th>
        </tr>
      </thead>
      <tbody>
        {signals.map((s) => (
          <tr key={`${s.metric}:${s.scopeKind}:${s.scope}:${s.against}`}>
            <td>{metricLabel(s.metric)}</td>
            <td className="mono">{scopeText(s.scopeKind, s.scope)}</td>
            <td className="num error-text">{signalFigure(s.metric, s.value)}</td>
            <td className="num">{signalFigure(s.metric, s.expected)}</td>
            <td className="num">{signalFigure(s.metric, s.threshold)}</td>
            <td>{s.against === 'fleet' ? 'its peers, same minute' : 'its own history'}</td>
            <td className="num">{s.requests.toLocaleString('en')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
