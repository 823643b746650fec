// The top of a story: the verdict, the enrichment, and links elsewhere.
import type { Story } from '../../api/types.ts';
import { Link } from '../../app/router.tsx';
import { dashboardsPath, searchPath, tracePath } from '../../app/paths.ts';
import { formatMs, formatTime, formatValue } from '../../components/format.ts';

const VERDICT: Record<string, string> = {
  served: 'Served',
  'client-error': 'Client error',
  'failed-in-app': 'Failed in the app',
  'died-at-load-balancer': 'Died at the load balancer',
  unknown: 'Unknown',
};

const ENRICHMENT = ['tenant', 'db_server', 'instance_id', 'ami_id', 'app_version', 'az', 'domain_name', 'db_name', 'site_tier', 'asg', 'lb_name', 'target_ip', 'service', 'host'];

function around(origin: string, minutes: number): { from: string; to: string } {
  const t = Date.parse(origin);
  return { from: new Date(t - minutes * 60_000).toISOString(), to: new Date(t + minutes * 60_000).toISOString() };
}

/** Verdict, enrichment and links. */
export function StoryHeader({ story }: { story: Story }) {
  const c = story.classification;
  const range = around(story.origin, 15);
  return (
    <header className="panel stack story-header">
      <div className="row">
        <h1 className="story-title">Request story</h1>
        <span className="mono" title="X-Ray form">
          {story.xrayId}
        </span>
        <span className="muted mono small">{story.traceId}</span>
      </div>
      <div className="row verdict">
        <span className={`badge big outcome-${c.kind}`} data-testid="story-classification">
          {VERDICT[c.kind] ?? c.kind}
        </span>
        <span>{c.reason}</span>
      </div>
      {c.attempts && c.attempts.length > 1 && (
        <ol className="small attempts-list">
          {c.attempts.map((a) => (
            <li key={a.attempt}>
              Attempt {a.attempt}: <strong>{VERDICT[a.kind] ?? a.kind}</strong> — {a.reason}
            </li>
          ))}
        </ol>
      )}
      <dl className="enrichment" aria-label="Enrichment">
        {ENRICHMENT.filter((k) => story.enrichment[k] !== null && story.enrichment[k] !== undefined).map((k) => (
          <div key={k} className="enrichment-item">
            <dt>{k}</dt>
            <dd className="mono">{formatValue(story.enrichment[k])}</dd>
          </div>
        ))}
        <div className="enrichment-item">
          <dt>unaccounted</dt>
          <dd className="mono">{story.unaccountedMs === null ? 'n/a' : formatMs(story.unaccountedMs)}</dd>
        </div>
        <div className="enrichment-item">
          <dt>arrived</dt>
          <dd className="mono">{formatTime(story.origin)}</dd>
        </div>
      </dl>
      <nav className="row" aria-label="Related views">
        <Link to={tracePath(story.traceId)} className="button-link" data-testid="link-trace">
          Trace view
        </Link>
        <Link to={dashboardsPath(range)} className="button-link" data-testid="link-dashboards">
          Dashboards around this time
        </Link>
        <Link to={searchPath({ signal: 'logs', q: `trace:${story.traceId}`, ...range })} className="button-link">
          Log lines in Search
        </Link>
        {typeof story.enrichment.instance_id === 'string' && (
          <Link to={searchPath({ q: `instance_id:${story.enrichment.instance_id} status:>=500`, ...range })} className="button-link">
            5xx on this instance
          </Link>
        )}
      </nav>
    </header>
  );
}
