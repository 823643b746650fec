// The dashboard's controls: range, breakdown, percentile and a TQL filter,
// all kept in the address.
import { useEffect, useState } from 'react';
import { setUrlParams } from '../../app/index.ts';
import { TimePicker } from '../search/time-picker.tsx';
import type { Percentile } from './build-panels.ts';
import { DIMENSIONS } from './dashboard-queries.ts';

export interface DashboardControlsProps {
  from: string;
  to: string;
  dim: string;
  percentile: Percentile;
  filter: string;
  /** Auto-refresh period in seconds, 0 for off. */
  every: number;
  onRefresh: () => void;
}

/** A toolbar of labelled controls. */
export function DashboardControls(props: DashboardControlsProps) {
  const [draft, setDraft] = useState(props.filter);
  useEffect(() => setDraft(props.filter), [props.filter]);
  return (
    <div className="stack dash-controls">
      <div className="row">
        <TimePicker from={props.from} to={props.to} onChange={(from, to) => setUrlParams({ from, to })} />
        <button type="button" onClick={props.onRefresh}>
          Refresh
        </button>
        <label htmlFor="dash-every">Auto-refresh</label>
        <select id="dash-every" value={String(props.every)} onChange={(event) => setUrlParams({ every: event.target.value === '0' ? null : event.target.value })}>
          <option value="0">off</option>
          <option value="10">every 10 s</option>
          <option value="30">every 30 s</option>
          <option value="60">every minute</option>
        </select>
      </div>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          setUrlParams({ q: draft.trim() });
        }}
      >
        <label htmlFor="dash-by">Break down by</label>
        <select id="dash-by" value={props.dim} onChange={(event) => setUrlParams({ by: event.target.value })}>
          {DIMENSIONS.map((d) => (
            <option key={d.field} value={d.field}>
              {d.label}
            </option>
          ))}
        </select>
        {props.dim ? (
          <>
            <label htmlFor="dash-pct">Latency percentile</label>
            <select id="dash-pct" value={props.percentile} onChange={(event) => setUrlParams({ pct: event.target.value === 'p95' ? null : event.target.value })}>
              <option value="p50">p50</option>
              <option value="p95">p95</option>
              <option value="p99">p99</option>
            </select>
          </>
        ) : null}
        <label htmlFor="dash-filter">Only requests matching</label>
        <input id="dash-filter" className="mono dash-filter" value={draft} onChange={(event) => setDraft(event.target.value)} placeholder="tenant:acme NOT path:/health*" />
        <button type="submit">Apply</button>
      </form>
    </div>
  );
}
