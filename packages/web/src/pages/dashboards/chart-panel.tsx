// A dashboard panel: a title, a time chart and a legend whose entries link to
// the requests behind each line (the keyboard way to the same click-through).
import { useState } from 'react';
import { Link, navigate, searchPath } from '../../app/index.ts';
import { TimeChart, type ChartLine } from './time-chart.tsx';

/** A line plus the TQL selecting its requests. */
export interface PanelLine extends ChartLine {
  filter: string;
}

export interface ChartPanelProps {
  title: string;
  hint: string;
  x: number[];
  bucketSeconds: number;
  lines: PanelLine[];
  format: (value: number) => string;
  /** The dashboard's range as the address holds it, for the legend's links. */
  range: { from: string; to: string };
  /** TQL for the requests behind one point; the line's own filter when absent. */
  pointFilter?: (line: PanelLine, index: number) => string;
  loading: boolean;
  /** What an empty chart says. */
  empty: string;
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

function summaryOf(values: (number | null)[], index: number | null): number | null {
  if (index !== null) return values[index] ?? null;
  const present = values.filter((v): v is number => v !== null);
  return present.length ? Math.max(...present) : null;
}

/** The panel; a click on a point opens Search on that bucket's requests. */
export function ChartPanel(props: ChartPanelProps) {
  const [hover, setHover] = useState<number | null>(null);
  const pick = (index: number, lineIndex: number) => {
    const line = props.lines[lineIndex];
    const start = props.x[index];
    if (!line || start === undefined) return;
    const q = props.pointFilter ? props.pointFilter(line, index) : line.filter;
    navigate(searchPath({ signal: 'requests', q, from: iso(start), to: iso(start + props.bucketSeconds) }));
  };
  const at = hover === null ? null : props.x[hover];
  return (
    <section className="panel dash-panel" aria-label={props.title}>
      <header className="dash-panel-head">
        <h2>{props.title}</h2>
        <span className="muted">{at !== undefined && at !== null ? `${iso(at).slice(11, 19)} UTC` : props.hint}</span>
      </header>
      {props.loading ? <p className="muted dash-loading" role="status">Loading…</p> : null}
      {!props.loading && props.lines.length === 0 ? <p className="muted dash-loading">{props.empty}</p> : null}
      {!props.loading && props.lines.length > 0 ? (
        <TimeChart x={props.x} lines={props.lines} format={props.format} label={`${props.title}, one line per series; click a point to see its requests`} onHover={setHover} onPick={pick} />
      ) : null}
      <ul className="dash-legend" aria-label={`${props.title}: series, ${hover === null ? 'peak' : 'value at the pointer'} after each`}>
        {props.lines.map((line) => (
          <li key={line.key}>
            <span className="dash-swatch" style={{ background: line.dash ? `repeating-linear-gradient(90deg, ${line.color} 0 5px, transparent 5px 8px)` : line.color }} />
            <Link to={searchPath({ signal: 'requests', q: line.filter, ...props.range })} title={`Requests of ${line.label} in Search`}>
              {line.label}
            </Link>
            <span className="dash-legend-value">{formatOrDash(summaryOf(line.values, hover), props.format)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function formatOrDash(value: number | null, format: (v: number) => string): string {
  return value === null ? '—' : format(value);
}
