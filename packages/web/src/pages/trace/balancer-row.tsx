// The waterfall's first row: what the load balancer saw of the request, its
// phases on the same axis as the spans, so the time outside the app shows.
import { formatMs } from './format-duration.ts';
import type { BalancerAttempt } from './balancer-attempts.ts';

import { barStyle, type ViewWindow } from './view-window.ts';

/** One row per ALB record; nothing when the request has none. */
export function BalancerRows({ attempts, view }: { attempts: BalancerAttempt[]; view: ViewWindow }) {
  if (attempts.length === 0) return null;
  return (
    <div role="group" aria-label={attempts.map((a) => `${a.lbName} answered ${a.status ?? 'nothing'} (target ${a.targetStatus ?? 'never answered'}) after ${formatMs((a.endUs - a.startUs) / 1000)}`).join('; ')} className="wf-balancer">
      {attempts.map((a) => {
        const failed = a.status !== null && a.status >= 500;
        const summary = `request, target and response processing as ${a.lbName} logged them`;
        return (
          <div key={a.attempt} className="wf-row wf-balancer-row" title={summary}>
            <div className="wf-label" style={{ paddingLeft: '4px' }}>
              <span className="wf-toggle-space" />
              <span className="wf-service">load balancer</span>
              <span className="wf-name">{a.lbName}</span>
              {attempts.length > 1 ? <span className="wf-hidden-count">attempt {a.attempt}</span> : null}
              <span className={`badge wf-status ${failed ? 'error' : a.status !== null && a.status >= 400 ? 'warn' : 'ok'}`}>{a.status ?? '—'}</span>
              <span className="wf-service" title={a.unaccountedMs !== null ? `${formatMs(a.unaccountedMs)} of target time outside the root span` : undefined}>
                {formatMs((a.endUs - a.startUs) / 1000)}
              </span>
            </div>
            <div className="wf-track">
              <div className="wf-attempt" style={barStyle(a.startUs, a.endUs, view) ?? { display: 'none' }} title={`arrival to response: ${formatMs((a.endUs - a.startUs) / 1000)}`} />
              {a.phases.map((p) => (
                <div key={p.name} className={`wf-phase phase-${p.name}`} style={barStyle(p.startUs, p.endUs, view) ?? { display: 'none' }} title={`${p.name} processing ${formatMs((p.endUs - p.startUs) / 1000)}`} />
              ))}
            </div>
          </div>
        );
      })}
    </div>
  );
}
