// One log line on the story's timeline, at its time: level colour, message,
// and when opened its properties (template values apart from the ambient
// context) and its exception with the stack.
import { useState } from 'react';
import type { StoryLog } from '../../api/types.ts';
import { formatMs, formatValue } from '../../components/format.ts';
import { place } from './time-scale.ts';
import { templateNames } from './timeline-rows.ts';

function Properties({ title, entries }: { title: string; entries: [string, unknown][] }) {
  if (entries.length === 0) return null;
  return (
    <div>
      <h4 className="small muted">{title}</h4>
      <dl className="kv">
        {entries.map(([k, v]) => (
          <div key={k} className="kv-pair">
            <dt>{k}</dt>
            <dd>{formatValue(v)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** A log line, indented under the span that wrote it. */
export function LogRow({ log, depth, axisEndMs }: { log: StoryLog; depth: number; axisEndMs: number }) {
  const [open, setOpen] = useState(false);
  const level = String(log.level ?? 'info');
  const names = templateNames(log.message_template);
  const entries = Object.entries(log.properties ?? {});
  const exception = typeof log.exception === 'string' && log.exception !== '' ? log.exception : null;
  return (
    <li className={`tl-row tl-log level-row-${level}`} data-testid="story-log">
      <button type="button" className="tl-label" style={{ paddingLeft: 8 + depth * 14 }} aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className={`level level-${level}`}>{level}</span> <span className="log-message">{formatValue(log.message)}</span>
        {exception && <span className="badge error">exception</span>}
      </button>
      <div className="tl-track" aria-hidden="true">
        <span className={`tl-mark level-mark-${level}`} style={{ left: place(log.atMs, log.atMs, axisEndMs).left }} />
        <span className="tl-bar-label" style={{ left: place(log.atMs, log.atMs, axisEndMs).left }}>
          {formatMs(log.atMs)}
        </span>
      </div>
      {open && (
        <div className="tl-detail">
          <p className="mono small muted">
            {formatValue(log.timestamp)} · {formatValue(log.service)} · {formatValue(log.host)} · {formatValue(log.message_template)}
          </p>
          <Properties title="Properties" entries={entries.filter(([k]) => names.has(k))} />
          <Properties title="Ambient context" entries={entries.filter(([k]) => !names.has(k))} />
          {exception && <pre className="code-block exception-stack">{exception}</pre>}
        </div>
      )}
    </li>
  );
}
