// Horizontal bars, each a link to the requests it counts.
import { Link, searchPath } from '../../app/index.ts';
import { formatPercent } from '../trace/format-duration.ts';
import type { Bar } from './build-bars.ts';

/** A titled list of bars; empty lists say so. */
export function BarList({ title, bars, range, empty }: { title: string; bars: Bar[]; range: { from: string; to: string }; empty: string }) {
  const widest = Math.max(1, ...bars.map((b) => b.count / Math.max(1, b.of)));
  return (
    <section className="panel dash-panel" aria-label={title}>
      <header className="dash-panel-head">
        <h2>{title}</h2>
      </header>
      {bars.length === 0 ? <p className="muted">{empty}</p> : null}
      <ol className="bar-list">
        {bars.map((bar) => {
          const share = bar.count / Math.max(1, bar.of);
          return (
            <li key={bar.key}>
              <Link to={searchPath({ signal: 'requests', q: bar.filter, ...range })} className="bar-link" aria-label={`${bar.label}${bar.detail ? `, ${bar.detail}` : ''}: ${bar.count} requests, ${formatPercent(share)}. Open in Search`}>
                <span className="bar-label" title={`${bar.label}${bar.detail ? ` ${bar.detail}` : ''}`}>
                  <strong>{bar.label}</strong>
                  {bar.detail ? <span className="muted"> {bar.detail}</span> : null}
                </span>
                <span className="bar-track">
                  <span className={`bar-fill tone-${bar.tone}`} style={{ width: `${(share / widest) * 100}%` }} />
                </span>
                <span className="bar-figure">
                  {bar.count.toLocaleString('en')} · {formatPercent(share)}
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
