// One span on the story's timeline; opening it shows its HTTP call, SQL,
// annotations and exception.
import { useState } from 'react';
import type { StorySpan } from '../../api/types.ts';
import { Link } from '../../app/router.tsx';
import { tracePath } from '../../app/paths.ts';
import { formatMs, formatValue } from '../../components/format.ts';
import { place } from './time-scale.ts';
import { parseJsonField } from './timeline-rows.ts';

interface ExceptionInfo {
  type?: string;
  message?: string;
  stack?: string;
}

function SpanDetail({ span, traceId }: { span: StorySpan; traceId: string }) {
  const exceptions = (parseJsonField(span.exceptions) as ExceptionInfo[] | null) ?? [];
  const annotations = parseJsonField(span.annotations) as Record<string, unknown> | null;
  const facts: [string, unknown][] = [
    ['service', span.service],
    ['kind', span.kind],
    ['status', span.status],
    ['duration', formatMs(span.duration_ms as number | null)],
    ['http', span.http_method ? `${formatValue(span.http_method)} ${formatValue(span.http_url)} → ${formatValue(span.http_status)}` : null],
    ['db', span.db_server],
    ['host', span.host],
  ];
  return (
    <div className="tl-detail">
      <dl className="kv">
        {facts
          .filter(([, v]) => v !== null && v !== undefined && v !== '')
          .map(([k, v]) => (
            <div key={k} className="kv-pair">
              <dt>{k}</dt>
              <dd>{formatValue(v)}</dd>
            </div>
          ))}
      </dl>
      {typeof span.sql_query === 'string' && <pre className="code-block">{span.sql_query}</pre>}
      {annotations && typeof annotations === 'object' && (
        <p className="mono small">
          {Object.entries(annotations)
            .map(([k, v]) => `${k}=${formatValue(v)}`)
            .join('  ')}
        </p>
      )}
      {exceptions.map((e, i) => (
        <div key={i} className="exception">
          <strong className="error-text">
            {e.type}: {e.message}
          </strong>
          {e.stack && <pre className="code-block">{e.stack}</pre>}
        </div>
      ))}
      <Link to={tracePath(traceId, span.span_id)}>Open in the trace view</Link>
    </div>
  );
}

/** A span bar, indented by its depth in the tree. */
export function SpanRow({ span, depth, axisEndMs, traceId }: { span: StorySpan; depth: number; axisEndMs: number; traceId: string }) {
  const [open, setOpen] = useState(false);
  const status = String(span.status ?? 'ok');
  const end = span.endMs ?? axisEndMs;
  return (
    <li className={`tl-row tl-span status-${status}`} data-testid="story-span">
      <button type="button" className="tl-label" style={{ paddingLeft: 8 + depth * 14 }} aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="tl-service">{formatValue(span.service)}</span> {formatValue(span.name)}
        {status !== 'ok' && <span className={`badge ${status === 'fault' ? 'error' : 'warn'}`}>{status}</span>}
      </button>
      <div className="tl-track" aria-hidden="true">
        <span className="tl-bar span-bar" style={place(span.startMs, end, axisEndMs)} />
        <span className="tl-bar-label" style={{ left: place(end, end, axisEndMs).left }}>
          {formatMs(end - span.startMs)}
        </span>
      </div>
      {open && <SpanDetail span={span} traceId={traceId} />}
    </li>
  );
}
