// Who an incident hit (tenants with bad requests, most first) and sample
// bad requests, each a link to its story.
import type { Incident } from '../../api/index.ts';
import { TraceLink } from '../../components/trace-link.tsx';
import { impactText } from './incident-format.ts';

/** The impact figures and the tenants, with bars scaled to the worst hit. */
export function IncidentImpact({ impact }: { impact: Incident['impact'] }) {
  const worst = Math.max(1, ...impact.tenants.map((t) => t.badRequests));
  return (
    <section className="panel stack" aria-labelledby="impact-title">
      <h2 id="impact-title">Impact</h2>
      <p className="impact-figure">
        <strong>{impactText(impact.badRequests, impact.requests)}</strong> <span className="muted">bad requests in the incident's minutes</span>
      </p>
      {impact.tenants.length === 0 ? (
        <p className="muted">No tenant is named on the bad requests.</p>
      ) : (
        <ol className="tenant-list" aria-label={`${impact.tenants.length} tenants with bad requests`}>
          {impact.tenants.map((t) => (
            <li key={t.tenant} className="share-row">
              <span className="share-label mono">{t.tenant}</span>
              <span className="share-track">
                <span className="share-fill share-bad" style={{ width: `${(t.badRequests / worst) * 100}%` }} />
              </span>
              <span className="share-figure">{t.badRequests.toLocaleString('en')}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Sample bad requests carrying the top cause: the full id, linking to its story. */
export function IncidentSamples({ traceIds }: { traceIds: string[] }) {
  return (
    <section className="panel stack" aria-labelledby="samples-title">
      <h2 id="samples-title">Sample requests</h2>
      {traceIds.length === 0 ? (
        <p className="muted">No sample was kept (the bad requests carried no trace id).</p>
      ) : (
        <ul className="sample-list">
          {traceIds.map((id) => (
            <li key={id}>
              <TraceLink id={id} full />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
