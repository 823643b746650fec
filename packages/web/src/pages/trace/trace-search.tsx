// `/traces`: find traces as in Jaeger's search or the X-Ray trace list:
// by service, span name, status, duration and annotation, over a time range.
// Every filter is in the address, so the service map can link here.
import { useState, type FormEvent } from 'react';
import { searchTraces, type TraceSearchRequest, type TraceSummary } from '../../api/index.ts';
import { useApi } from '../../api/use-api.ts';
import { Link, setUrlParams, storyPath, tracePath, useLocation } from '../../app/index.ts';
import { formatTime } from '../../components/format.ts';
import { TimePicker } from '../search/time-picker.tsx';
import { formatMs } from './format-duration.ts';
import './trace.css';

const FILTERS = ['service', 'name', 'status', 'minDurationMs', 'annotation'] as const;
type FilterName = (typeof FILTERS)[number];

function requestOf(params: URLSearchParams): TraceSearchRequest {
  const status = params.get('status');
  const min = Number(params.get('minDurationMs'));
  return {
    from: params.get('from') ?? '-1h',
    to: params.get('to') ?? 'now',
    service: params.get('service') ?? undefined,
    name: params.get('name') ?? undefined,
    status: status === 'ok' || status === 'error' || status === 'fault' || status === 'throttle' ? status : undefined,
    minDurationMs: Number.isFinite(min) && min > 0 ? min : undefined,
    annotation: params.get('annotation') ?? undefined,
    limit: 100,
  };
}

function TraceTable({ traces }: { traces: TraceSummary[] }) {
  const longest = Math.max(1, ...traces.map((t) => t.duration_ms ?? 0));
  return (
    <table className="trace-table">
      <thead>
        <tr>
          <th scope="col">Started (UTC)</th>
          <th scope="col">Root</th>
          <th scope="col">Duration</th>
          <th scope="col">Spans</th>
          <th scope="col">Faults · errors</th>
          <th scope="col">Story</th>
        </tr>
      </thead>
      <tbody>
        {traces.map((t) => (
          <tr key={t.trace_id}>
            <td className="mono">{formatTime(t.start_time)}</td>
            <td>
              <Link to={tracePath(t.trace_id)}>
                {t.root_name === t.root_service ? t.root_service : `${t.root_service}: ${t.root_name}`}
              </Link>
            </td>
            <td>
              <span className="tt-bar" style={{ width: `${((t.duration_ms ?? 0) / longest) * 60}px` }} /> {formatMs(t.duration_ms)}
            </td>
            <td>{t.spans}</td>
            <td className={t.faults > 0 ? 'error-text' : ''}>
              {t.faults} · {t.errors + t.throttles}
            </td>
            <td>
              <Link to={storyPath(t.trace_id)} aria-label={`Story of trace ${t.trace_id}`} className="mono">
                {t.trace_id.slice(0, 12)}…
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FilterForm({ params }: { params: URLSearchParams }) {
  const [draft, setDraft] = useState<Record<FilterName, string>>(() => Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<FilterName, string>);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setUrlParams(draft);
  };
  const field = (name: FilterName, label: string, placeholder: string) => (
    <label className="ts-field">
      {label}
      <input value={draft[name]} placeholder={placeholder} onChange={(event) => setDraft({ ...draft, [name]: event.target.value })} />
    </label>
  );
  return (
    <form className="row trace-filters" onSubmit={submit} aria-label="Trace filters">
      {field('service', 'Service', 'shop-web')}
      {field('name', 'Span name', 'tenant_0@db-0')}
      <label className="ts-field">
        Status
        <select value={draft.status} onChange={(event) => setDraft({ ...draft, status: event.target.value })}>
          <option value="">any</option>
          <option value="fault">fault (5xx)</option>
          <option value="error">error (4xx)</option>
          <option value="throttle">throttle (429)</option>
          <option value="ok">ok</option>
        </select>
      </label>
      {field('minDurationMs', 'Min duration (ms)', '500')}
      {field('annotation', 'Annotation', 'tenant:tenant-1')}
      <button type="submit" className="primary">
        Find traces
      </button>
    </form>
  );
}

/** The trace finder. */
export function TraceSearch() {
  const { params } = useLocation();
  const request = requestOf(params);
  const answer = useApi(`traces:${JSON.stringify(request)}`, (signal) => searchTraces(request, signal));
  return (
    <section className="stack trace-search" aria-labelledby="trace-search-title">
      <div className="row">
        <h1 id="trace-search-title">Traces</h1>
        <span className="spacer" />
        <TimePicker from={request.from ?? '-1h'} to={request.to ?? 'now'} onChange={(from, to) => setUrlParams({ from, to })} />
      </div>
      <FilterForm key={params.toString()} params={params} />
      {answer.state === 'loading' ? <p className="muted" role="status">Finding traces…</p> : null}
      {answer.state === 'failed' ? <p className="error-text" role="alert">{answer.error.message}</p> : null}
      {answer.state === 'done' ? (
        <div className="panel">
          <p className="muted" role="status">
            {answer.value.traces.length === 100 ? 'The newest 100 traces' : `${answer.value.traces.length} traces`} matching, newest first.
          </p>
          {answer.value.traces.length > 0 ? <TraceTable traces={answer.value.traces} /> : null}
        </div>
      ) : null}
    </section>
  );
}
