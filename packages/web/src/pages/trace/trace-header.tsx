// The top of the trace view: what the trace is, how long it took, which
// services it touched, and what the load balancer saw of the same request.
import type { Story } from '../../api/index.ts';
import { Link, searchPath, storyPath } from '../../app/index.ts';
import { formatMs } from './format-duration.ts';
import { serviceColor } from './service-color.ts';
import type { WaterfallSpan } from './trace-model.ts';

export interface TraceSummaryFigures {
  traceId: string;
  root: WaterfallSpan | undefined;
  spans: WaterfallSpan[];
  originUs: number;
  totalUs: number;
  depth: number;
  range: { from: string; to: string };
}

/** The X-Ray form of a canonical id whose first eight digits are its start second. */
export function xrayForm(traceId: string): string {
  return /^[0-9a-f]{32}$/.test(traceId) ? `1-${traceId.slice(0, 8)}-${traceId.slice(8)}` : traceId;
}

/** The path of a URL, or the text itself when it is not one. */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

function LoadBalancerLine({ story }: { story: Story }) {
  if (story.requests.length === 0) return <p className="muted">No load-balancer record shares this trace id (the request did not pass through an ALB Tinsel reads).</p>;
  return (
    <ul className="th-attempts" aria-label="What the load balancer saw">
      {story.requests.map((r) => (
        <li key={r.attempt}>
          <strong>{String(r.lb_name ?? 'load balancer')}</strong> answered <strong className={Number(r.elb_status_code) >= 500 ? 'error-text' : ''}>{String(r.elb_status_code ?? '—')}</strong>
          {' '}(target {r.target_status_code === null ? 'never answered' : String(r.target_status_code)})
          {story.requests.length > 1 ? ` · attempt ${r.attempt}` : ''}
          {r.phases.map((p) => ` · ${p.name} ${formatMs(p.durationMs)}`).join('')}
          {r.unaccountedMs !== null ? ` · unaccounted ${formatMs(r.unaccountedMs)}` : ''}
          <span className="muted"> — {r.outcome.reason}</span>
        </li>
      ))}
    </ul>
  );
}

/** Header of one trace; `story` is null while it loads or when it failed. */
export function TraceHeader({ figures, story }: { figures: TraceSummaryFigures; story: Story | null }) {
  const { root, spans, traceId } = figures;
  const services = [...new Set(spans.map((s) => s.colorKey))];
  const faults = spans.filter((s) => s.status === 'fault').length;
  const errors = spans.filter((s) => s.status === 'error' || s.status === 'throttle').length;
  const http = root?.raw.http_method ? `${String(root.raw.http_method)} ${pathOf(String(root.raw.http_url ?? ''))}` : '';
  const title = root ? (http || root.name) : 'Trace';
  return (
    <header className="trace-header panel stack">
      <div className="row">
        <h1 className="th-title">{title}</h1>
        {root ? <span className="muted">{root.service}{root.raw.http_url ? ` · ${String(root.raw.http_url)}` : ''}</span> : null}
        <span className="spacer" />
        <Link to={storyPath(traceId)} className="button-link primary">
          Open the request story
        </Link>
        <Link to={searchPath({ signal: 'logs', q: `trace:${traceId}`, ...figures.range })} className="button-link">
          Logs
        </Link>
      </div>
      <dl className="th-figures">
        <div><dt>Trace id</dt><dd><Link to={storyPath(traceId)} className="mono" aria-label={`Story of trace ${traceId}`}>{xrayForm(traceId)}</Link></dd></div>
        <div><dt>Started</dt><dd>{new Date(figures.originUs / 1000).toISOString().replace('T', ' ').replace('Z', ' UTC')}</dd></div>
        <div><dt>Duration</dt><dd>{formatMs(figures.totalUs / 1000)}</dd></div>
        <div><dt>Spans</dt><dd>{spans.length}</dd></div>
        <div><dt>Depth</dt><dd>{figures.depth}</dd></div>
        <div><dt>Faults / errors</dt><dd className={faults > 0 ? 'error-text' : ''}>{faults} / {errors}</dd></div>
      </dl>
      <div className="row th-services" aria-label="Services and what they call">
        {services.map((s) => (
          <span key={s} className="th-service">
            <span className="wf-swatch" style={{ background: serviceColor(s) }} /> {s}
          </span>
        ))}
      </div>
      {story ? <LoadBalancerLine story={story} /> : null}
    </header>
  );
}
