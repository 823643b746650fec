// One attempt on the timeline: what the load balancer saw (its three phases),
// and inside the target phase the spans and log lines of the app.
import type { StoryRequest } from '../../api/types.ts';
import { formatMs, formatValue, statusClass } from '../../components/format.ts';
import { LogRow } from './log-row.tsx';
import { SpanRow } from './span-row.tsx';
import { place, ticks } from './time-scale.ts';
import type { AttemptLane } from './timeline-rows.ts';

const PHASE_LABEL = { request: 'request processing', target: 'target processing', response: 'response processing' };

function TimeAxis({ axisEndMs }: { axisEndMs: number }) {
  return (
    <div className="tl-row tl-axis" aria-hidden="true">
      <span className="tl-label muted small">ms from arrival</span>
      <div className="tl-track">
        {ticks(axisEndMs).map((t) => (
          <span key={t} className="tl-tick" style={{ left: place(t, t, axisEndMs).left }}>
            {formatMs(t)}
          </span>
        ))}
      </div>
    </div>
  );
}

function PhasesRow({ request, axisEndMs }: { request: StoryRequest; axisEndMs: number }) {
  const summary = request.phases.map((p) => `${PHASE_LABEL[p.name]} ${formatMs(p.durationMs)}`).join(', ');
  return (
    <li className="tl-row tl-alb" data-testid="story-phases">
      <div className="tl-label">
        <strong>load balancer</strong>{' '}
        <span className={`status ${statusClass(request.elb_status_code)}`}>{formatValue(request.elb_status_code) || '–'}</span>
        <span className="muted"> target {formatValue(request.target_status_code) || '–'}</span>
      </div>
      <div className="tl-track" role="img" aria-label={summary || 'no timings: the load balancer logged -1'}>
        <span className="tl-bar alb-span" style={place(request.startMs, request.endMs, axisEndMs)} />
        {request.phases.map((p) => (
          <span key={p.name} className={`tl-bar phase phase-${p.name}`} style={place(p.startMs, p.endMs, axisEndMs)} title={`${PHASE_LABEL[p.name]}: ${formatMs(p.durationMs)}`} />
        ))}
        <span className="tl-bar-label" style={{ left: place(request.endMs, request.endMs, axisEndMs).left }}>
          {formatMs(request.endMs - request.startMs)}
        </span>
      </div>
    </li>
  );
}

/** A heading for the attempt, its timeline, and its unaccounted time. */
export function AttemptLaneView({ lane, axisEndMs, traceId, attempts }: { lane: AttemptLane; axisEndMs: number; traceId: string; attempts: number }) {
  const r = lane.request;
  const title = r ? `${attempts > 1 ? `Attempt ${r.attempt} · ` : ''}${formatValue(r.request_method)} ${formatValue(r.request_path)}` : 'Spans and log lines without a load-balancer record';
  return (
    <section className="panel attempt" aria-label={title}>
      <div className="row attempt-head">
        <h2 className="attempt-title">{title}</h2>
        {r && <span className={`badge outcome-${r.outcome.kind}`}>{r.outcome.kind}</span>}
        {r && <span className="muted">{r.outcome.reason}</span>}
      </div>
      {r && (
        <p className="small muted phase-legend">
          {r.phases.map((p) => (
            <span key={p.name} className="legend-item">
              <span className={`legend-swatch phase-${p.name}`} /> {PHASE_LABEL[p.name]} {formatMs(p.durationMs)}
            </span>
          ))}
          {r.unaccountedMs !== null && <span className="legend-item">unaccounted {formatMs(r.unaccountedMs)} (target time not covered by the app's root span)</span>}
        </p>
      )}
      <ol className="timeline">
        <TimeAxis axisEndMs={axisEndMs} />
        {r && <PhasesRow request={r} axisEndMs={axisEndMs} />}
        {lane.rows.map((row, i) =>
          row.kind === 'span' ? <SpanRow key={`s${i}`} span={row.span} depth={row.depth + 1} axisEndMs={axisEndMs} traceId={traceId} /> : <LogRow key={`l${i}`} log={row.log} depth={row.depth + 1} axisEndMs={axisEndMs} />,
        )}
      </ol>
      {lane.rows.length === 0 && <p className="muted">No spans or log lines reached Tinsel for this attempt.</p>}
    </section>
  );
}
