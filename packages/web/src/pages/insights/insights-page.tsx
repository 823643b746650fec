// `/insights`: the incidents anomaly detection opened, and `/insights/<id>`
// one of them whole — what was anomalous, the likely cause, who was hit and
// sample requests to open. The range and status filter live in the address.
import { useState } from 'react';
import { setUrlParams, useLocation, useUrlState } from '../../app/index.ts';
import { fetchIncidents } from '../../api/index.ts';
import { useApi } from '../../api/use-api.ts';
import { TimePicker } from '../search/time-picker.tsx';
import { IncidentDetail } from './incident-detail.tsx';
import { IncidentList } from './incident-list.tsx';
import { InsightsFailure } from './insights-failure.tsx';
import './insights.css';

function IncidentsView({ from, to, status }: { from: string; to: string; status: string }) {
  const [refresh, setRefresh] = useState(0);
  const list = useApi(`incidents:${from}:${to}:${status}:${refresh}`, (signal) =>
    fetchIncidents({ from, to, limit: 500, ...(status === 'open' || status === 'resolved' ? { status } : {}) }, signal),
  );
  return (
    <section className="stack insights" aria-labelledby="insights-title">
      <div className="row">
        <h1 id="insights-title">Insights</h1>
        <span className="muted">incidents opened by anomaly detection, newest first</span>
      </div>
      <div className="row">
        <TimePicker from={from} to={to} onChange={(f, t) => setUrlParams({ from: f, to: t })} />
        <label htmlFor="incident-status">Status</label>
        <select id="incident-status" value={status} onChange={(event) => setUrlParams({ status: event.target.value })}>
          <option value="">open and resolved</option>
          <option value="open">open</option>
          <option value="resolved">resolved</option>
        </select>
        <button type="button" onClick={() => setRefresh((n) => n + 1)}>
          Refresh
        </button>
      </div>
      {list.state === 'loading' ? (
        <p className="muted" role="status">
          Loading incidents…
        </p>
      ) : null}
      {list.state === 'failed' ? <InsightsFailure error={list.error} /> : null}
      {list.state === 'done' ? <IncidentList incidents={list.value.incidents} listState={{ from: from === '-24h' ? '' : from, to: to === 'now' ? '' : to, status }} nowMs={Date.now()} /> : null}
    </section>
  );
}

/** The insights page: the list, or one incident when the address names it. */
export function InsightsPage() {
  const { segments, params } = useLocation();
  const [from] = useUrlState('from', '-24h');
  const [to] = useUrlState('to', 'now');
  const [status] = useUrlState('status', '');
  const id = segments[1];
  // Only what the address names is carried along, so the list's defaults stay out of its links.
  const listState = { from: params.get('from') ?? '', to: params.get('to') ?? '', status: params.get('status') ?? '' };
  if (id !== undefined) return <IncidentDetail id={id} listState={listState} />;
  return <IncidentsView from={from} to={to} status={status} />;
}
