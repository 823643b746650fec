// Root-cause candidates, best first: for each dimension value, the share of
// bad requests carrying it beside the share of good ones, and the lift.
import { Link } from '../../app/index.ts';
import type { CauseCandidate, IncidentFamily } from '../../api/index.ts';
import { formatPercent } from '../trace/format-duration.ts';
import { causeDashboardsPath, causeFilter, causeSearchPath, type IncidentTimes } from './cause-links.ts';
import { liftText } from './incident-format.ts';

function ShareBar({ label, share, tone }: { label: string; share: number; tone: 'bad' | 'good' }) {
  return (
    <div className="share-row">
      <span className="share-label">{label}</span>
      <span className="share-track" role="img" aria-label={`${label}: ${formatPercent(share)}`}>
        <span className={`share-fill share-${tone}`} style={{ width: `${Math.max(0, Math.min(1, share)) * 100}%` }} />
      </span>
      <span className="share-figure">{formatPercent(share)}</span>
    </div>
  );
}

/** The ranked list; each candidate opens its bad requests in Search, and the dashboards when they can break down by it. */
export function CauseCandidates({ candidates, incident }: { candidates: CauseCandidate[]; incident: IncidentTimes & { family: IncidentFamily } }) {
  if (candidates.length === 0) return <p className="muted">No dimension value stands out among the bad requests.</p>;
  return (
    <ol className="candidates">
      {candidates.map((c, index) => {
        const dashboards = causeDashboardsPath(incident, c);
        return (
          <li key={`${c.dimension}=${c.value}`} className={index === 0 ? 'candidate top' : 'candidate'}>
            <div className="row candidate-head">
              <span className="candidate-rank">{index + 1}</span>
              <span className="mono candidate-name">{causeFilter(c)}</span>
              <span className="muted">
                lift {liftText(c.lift)} · {c.badRequests.toLocaleString('en')} bad requests
              </span>
              <span className="spacer" />
              <Link to={causeSearchPath(incident, c)}>Bad requests in Search</Link>
              {dashboards ? <Link to={dashboards}>Dashboards by {c.dimension}</Link> : null}
            </div>
            {c.note ? <p className="candidate-note">{c.note}</p> : null}
            <ShareBar label="of bad requests" share={c.badShare} tone="bad" />
            <ShareBar label="of good requests" share={c.goodShare} tone="good" />
          </li>
        );
      })}
    </ol>
  );
}
