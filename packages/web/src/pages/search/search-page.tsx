// Discover-like search: signal, query, range, histogram, fields, rows, detail.
// Everything that shapes the screen lives in the address.
import { useState } from 'react';
import { fetchFields, runHistogram } from '../../api/client.ts';
import type { Signal } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { setUrlParams, useLocation } from '../../app/router.tsx';
import { FieldSidebar } from './field-sidebar.tsx';
import { GroupTable } from './group-table.tsx';
import { Histogram } from './histogram.tsx';
import { QueryBar } from './query-bar.tsx';
import { addFilter } from './query-edit.ts';
import { ResultsTable } from './results-table.tsx';
import { RowDetail } from './row-detail.tsx';
import { SignalSwitch } from './signal-switch.tsx';
import { TimePicker } from './time-picker.tsx';
import { MAX_ROWS, useSearch } from './use-search.ts';

const SIGNALS: Signal[] = ['requests', 'spans', 'logs'];

function readState(params: URLSearchParams) {
  const raw = params.get('signal');
  const signal: Signal = SIGNALS.includes(raw as Signal) ? (raw as Signal) : 'requests';
  const limit = Math.min(MAX_ROWS, Math.max(1, Number(params.get('limit') ?? 500) || 500));
  const row = params.get('row');
  return { signal, q: params.get('q') ?? '', from: params.get('from') ?? '-1h', to: params.get('to') ?? 'now', limit, row: row === null ? null : Number(row) };
}

/** The Search page (`/search?signal&q&from&to&row`). */
export function SearchPage() {
  const { params } = useLocation();
  const { signal, q, from, to, limit, row } = readState(params);
  const [runs, setRuns] = useState(0);
  const key = JSON.stringify([signal, q, from, to, limit, runs]);
  const request = { query: q, signal, from, to, limit };
  const search = useSearch(request, key);
  const histogram = useApi(`h:${key}`, (abort) => runHistogram({ query: q, signal, from, to }, abort));
  const fields = useApi(`f:${JSON.stringify([signal, q, from, to, runs])}`, (abort) => fetchFields({ signal, from, to, query: q }, abort));
  const filter = (field: string, value: unknown, exclude: boolean) => setUrlParams({ q: addFilter(q, field, value, exclude), row: null });
  const run = (query: string) => {
    if (query === q) setRuns((n) => n + 1);
    setUrlParams({ q: query, row: null });
  };
  const selected = row !== null && search.rows[row] ? search.rows[row] : null;
  const shape = search.answer?.shape ?? 'rows';
  return (
    <div className="search-page">
      <h1 className="visually-hidden">Search</h1>
      <div className="panel stack search-controls">
        <div className="row">
          <SignalSwitch value={signal} onChange={(next) => setUrlParams({ signal: next === 'requests' ? null : next, row: null })} />
          <TimePicker from={from} to={to} onChange={(f, t) => setUrlParams({ from: f === '-1h' ? null : f, to: t === 'now' ? null : t, row: null })} />
        </div>
        <QueryBar query={q} onRun={run} error={search.error} explanation={search.answer?.explanation ?? null} />
      </div>
      <div className="search-body">
        {fields.state === 'done' ? (
          <FieldSidebar fields={fields.value.fields} sampled={fields.value.sampled} onFilter={filter} />
        ) : (
          <aside className="field-sidebar panel muted">{fields.state === 'loading' ? 'Fields…' : 'Fields appear when the query runs.'}</aside>
        )}
        <div className="stack search-results">
          <div className="panel">
            <p className="row result-stats" data-testid="result-stats">
              {search.loading ? 'Searching…' : search.answer ? `${(search.answer.stats.matched ?? search.rows.length).toLocaleString('en-US')} matches · showing ${search.rows.length.toLocaleString('en-US')} · ${search.answer.stats.elapsedMs} ms` : ''}
            </p>
            {histogram.state === 'done' && <Histogram data={histogram.value} onZoom={(f, t) => setUrlParams({ from: new Date(f).toISOString(), to: new Date(t).toISOString(), row: null })} />}
          </div>
          {search.error ? null : shape === 'rows' ? (
            <ResultsTable key={key} signal={signal} rows={search.rows} selected={row} onSelect={(index) => setUrlParams({ row: index }, { replace: true })} />
          ) : (
            <GroupTable rows={search.rows} />
          )}
          {search.loadMore && (
            <button type="button" onClick={search.loadMore}>
              Load more rows
            </button>
          )}
          {selected && <RowDetail row={selected} onFilter={filter} onClose={() => setUrlParams({ row: null }, { replace: true })} />}
        </div>
      </div>
    </div>
  );
}
