// `/service-map`: the load balancer in front, the services behind it and the
// databases and hosts they call, laid out left to right. Health colours come
// from failure shares; the load balancer's from its own access log, which
// tracing alone cannot see. Click a node or an edge for the traces behind it.
import { setUrlParams, useUrlState } from '../../app/index.ts';
import { resolveTime } from '../dashboards/time-range.ts';
import { TimePicker } from '../search/time-picker.tsx';
import { CallsTable } from './calls-table.tsx';
import { MapDetails } from './map-details.tsx';
import { MapView } from './map-view.tsx';
import { useMapData } from './use-map-data.ts';
import './service-map.css';

function minutesOf(from: string, to: string): number {
  const now = Date.now();
  const end = resolveTime(to, now) ?? now;
  return Math.max(1 / 60, (end - (resolveTime(from, now) ?? end - 3_600_000)) / 60_000);
}

/** The service map page. */
export function ServiceMapPage() {
  const [from] = useUrlState('from', '-1h');
  const [to] = useUrlState('to', 'now');
  const [selected, setSelected] = useUrlState('node', '');
  const [group, setGroup] = useUrlState('group', 'on');
  const minutes = minutesOf(from, to);
  const data = useMapData(from, to, group === 'on', minutes);
  const select = (id: string) => setSelected(id === selected ? null : id, { replace: true });
  return (
    <section className="stack service-map" aria-labelledby="service-map-title">
      <div className="row">
        <h1 id="service-map-title">Service map</h1>
        <span className="spacer" />
        <label className="row map-group-toggle">
          <input type="checkbox" checked={group === 'on'} onChange={(event) => setGroup(event.target.checked ? 'on' : 'off', { replace: true })} />
          One node per database server
        </label>
        <TimePicker from={from} to={to} onChange={(f, t) => setUrlParams({ from: f, to: t })} />
      </div>
      <p className="muted map-legend">
        <span className="map-key health-ok" /> under 1% failed <span className="map-key health-warn" /> over 1% <span className="map-key health-error" /> over 5% · edge labels: calls per minute · failed share · p95 of the callee
      </p>
      {data.state === 'loading' ? <p className="muted" role="status">Loading the service map…</p> : null}
      {data.state === 'failed' ? <p className="error-text" role="alert">{data.error.message}</p> : null}
      {data.state === 'done' && data.nodes.length === 0 ? <p role="status">No spans in this range, so no services to draw. Try a longer range.</p> : null}
      {data.state === 'done' && data.nodes.length > 0 ? (
        <div className="map-body">
          <div className="panel map-canvas">{data.layout ? <MapView nodes={data.nodes} edges={data.edges} layout={data.layout} minutes={minutes} selected={selected} onSelect={select} /> : <p className="muted" role="status">Laying out {data.nodes.length} nodes…</p>}</div>
          <div className="stack">
            <MapDetails selected={selected} nodes={data.nodes} edges={data.edges} range={{ from, to }} minutes={minutes} onClose={() => setSelected(null, { replace: true })} />
            <div className="panel">
              <CallsTable edges={data.edges} nodes={data.nodes} minutes={minutes} onSelect={select} />
            </div>
          </div>
        </div>
      ) : null}
    </section>
  );
}
