// `/insights/<id>`: one incident whole — status and timeline, the anomalous
// figures, the ranked causes, who was hit and requests to open.
import { insightsPath, Link } from '../../app/index.ts';
import { fetchIncident, type Incident } from '../../api/index.ts';
import { useApi } from '../../api/use-api.ts';
import { causeDashboardsPath, causeSearchPath } from './cause-links.ts';
import { CauseCandidates } from './cause-candidates.tsx';
import { IncidentImpact, IncidentSamples } from './incident-impact.tsx';
import { FAMILY_LABEL, incidentDuration, minuteText } from './incident-format.ts';
import { InsightsFailure } from './insights-failure.tsx';
import { SignalsTable } from './signals-table.tsx';

type ListState = { from: string; to: string; status: string };

function Header({ incident }: { incident: Incident }) {
  const top = incident.candidates[0] ?? null;
  const dashboards = top ? causeDashboardsPath(incident, top) : null;
  return (
    <header className={`panel stack incident-header${incident.status === 'open' ? ' incident-open' : ''}`}>
      <div className="row">
        <span className={`badge big ${incident.status === 'open' ? 'error' : 'ok'}`}>{incident.status}</span>
        <h1 id="incident-title" className="incident-heading">
          {incident.title}
        </h1>
      </div>
      <dl className="incident-facts">
        {[
          ['family', FAMILY_LABEL[incident.family]],
          ['onset', minuteText(incident.onset)],
          ['last anomalous minute', minuteText(incident.lastAnomalous)],
          [incident.status === 'open' ? 'open for' : 'lasted', incidentDuration(incident, Date.now())],
          ['resolved', minuteText(incident.resolvedAt)],
        ].map(([key, value]) => (
          <div key={key}>
            <dt>{key}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="row">
        <Link to={causeSearchPath(incident, top)} className="button-link">
          {top ? 'Bad requests with the top cause' : 'Bad requests'} in Search
        </Link>
        <Link to={causeSearchPath(incident, null)} className="button-link">
          All bad requests of the incident
        </Link>
        {top && dashboards ? (
          <Link to={dashboards} className="button-link">
            Dashboards by {top.dimension}
          </Link>
        ) : null}
      </div>
    </header>
  );
}

function Timeline({ events }: { events: Incident['timeline'] }) {
  return (
    <section className="panel stack" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <ol className="incident-timeline">
        {events.map((e, index) => (
          <li key={`${e.at}:${index}`} className={`event-${e.kind}`}>
            <span className="nowrap mono">{minuteText(e.at)}</span> <span className="event-kind">{e.kind}</span> <span>{e.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Loads one incident and lays it out; a 404 says the incident is gone. */
export function IncidentDetail({ id, listState }: { id: string; listState: ListState }) {
  const answer = useApi(`incident:${id}`, (signal) => fetchIncident(id, signal));
  return (
    <section className="stack insights" aria-labelledby="incident-title">
      <Link to={insightsPath(null, listState)}>← All incidents</Link>
      {answer.state === 'loading' ? (
        <p className="muted" role="status">
          Loading the incident…
        </p>
      ) : null}
      {answer.state === 'failed' ? <InsightsFailure error={answer.error} /> : null}
      {answer.state === 'done' ? (
        <>
          <Header incident={answer.value} />
          <div className="incident-grid">
            <section className="panel stack incident-wide" aria-labelledby="causes-title">
              <h2 id="causes-title">Likely causes</h2>
              <CauseCandidates candidates={answer.value.candidates} incident={answer.value} />
            </section>
            <section className="panel stack incident-wide" aria-labelledby="signals-title">
              <h2 id="signals-title">Anomalous signals</h2>
              <SignalsTable signals={answer.value.signals} />
            </section>
            <IncidentImpact impact={answer.value.impact} />
            <IncidentSamples traceIds={answer.value.samples.map((s) => s.traceId)} />
            <Timeline events={answer.value.timeline} />
          </div>
        </>
      ) : null}
    </section>
  );
}
