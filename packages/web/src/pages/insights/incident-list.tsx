// The incidents of a range, newest first: open ones stand out, each row
// names its family, onset, duration, impact and most likely cause.
import { insightsPath, Link } from '../../app/index.ts';
import type { IncidentSummary } from '../../api/index.ts';
import { causeFilter } from './cause-links.ts';
import { FAMILY_LABEL, impactText, incidentDuration, minuteText } from './incident-format.ts';

export interface IncidentListProps {
  incidents: IncidentSummary[];
  /** The list's own state, carried into each incident's address so Back returns to it. */
  listState: { from: string; to: string; status: string };
  nowMs: number;
}

/** The incidents as a table; an empty list says what was looked at. */
export function IncidentList({ incidents, listState, nowMs }: IncidentListProps) {
  if (incidents.length === 0) {
    return (
      <p className="panel muted" role="status">
        No {listState.status === '' ? '' : `${listState.status} `}incidents in this range. Tinsel opens one when a minute's errors, latency or client disconnects leave their baseline; try a longer range.
      </p>
    );
  }
  return (
    <div className="panel incident-table-box">
      <table className="incident-table">
        <caption className="visually-hidden">Incidents, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Family</th>
            <th scope="col">Incident</th>
            <th scope="col">Onset</th>
            <th scope="col">Duration</th>
            <th scope="col">Bad / requests</th>
            <th scope="col">Tenants</th>
            <th scope="col">Top cause</th>
          </tr>
        </thead>
        <tbody>
          {incidents.map((incident) => (
            <tr key={incident.id} className={incident.status === 'open' ? 'incident-open' : undefined} data-incident-id={incident.id}>
              <td>
                <span className={`badge ${incident.status === 'open' ? 'error' : 'ok'}`}>{incident.status}</span>
              </td>
              <td className={`family family-${incident.family}`}>{FAMILY_LABEL[incident.family]}</td>
              <td>
                <Link to={insightsPath(incident.id, listState)} className="incident-title">
                  {incident.title}
                </Link>
              </td>
              <td className="nowrap">{minuteText(incident.onset)}</td>
              <td className="nowrap">{incidentDuration(incident, nowMs)}</td>
              <td className="nowrap num">{impactText(incident.badRequests, incident.requests)}</td>
              <td className="num">{incident.tenants}</td>
              <td className="mono">{incident.topCause ? causeFilter(incident.topCause) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
