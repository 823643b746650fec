// Everything about the selected span: timing, HTTP, SQL, exceptions with
// their stacks, X-Ray annotations, attributes and resource.
import { Link, searchPath } from '../../app/index.ts';
import { formatMs } from './format-duration.ts';
import { serviceColor } from './service-color.ts';
import type { SpanLog } from './span-logs.ts';
import { flattenObject, parseJsonField, spanExceptions, type WaterfallSpan } from './trace-model.ts';

function KeyValues({ title, entries }: { title: string; entries: [string, unknown][] }) {
  const shown = entries.filter(([, value]) => value !== null && value !== undefined && value !== '');
  if (shown.length === 0) return null;
  return (
    <section className="sd-section" aria-label={title}>
      <h3>{title}</h3>
      <dl className="kv">
        {shown.map(([key, value]) => (
          <div key={key} className="kv-pair">
            <dt>{key}</dt>
            <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function LogLines({ logs, originUs }: { logs: SpanLog[]; originUs: number }) {
  if (logs.length === 0) return null;
  return (
    <section className="sd-section" aria-label="Log lines">
      <h3>Log lines ({logs.length})</h3>
      <ol className="sd-logs">
        {logs.map((log, i) => (
          <li key={i}>
            <span className="mono muted">+{formatMs((log.atUs - originUs) / 1000)}</span> <span className={`sd-level level-${log.level}`}>{log.level}</span> {log.message}
            {log.exception ? <pre className="sd-pre">{log.exception}</pre> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Exceptions({ span }: { span: WaterfallSpan }) {
  const exceptions = spanExceptions(span.raw);
  if (exceptions.length === 0) return null;
  return (
    <section className="sd-section" aria-label="Exceptions">
      <h3>Exception{exceptions.length > 1 ? `s (${exceptions.length})` : ''}</h3>
      {exceptions.map((e, i) => (
        <div key={i} className="sd-exception">
          <p>
            <strong className="error-text">{e.type ?? 'Exception'}</strong>
            {e.message ? `: ${e.message}` : ''}
          </p>
          {e.stack ? <pre className="sd-pre">{e.stack}</pre> : null}
        </div>
      ))}
    </section>
  );
}

/** The details panel; `originUs` is the trace start, for the offset. */
export function SpanDetails(props: { span: WaterfallSpan; logs: SpanLog[]; originUs: number; traceId: string; range: { from: string; to: string }; onClose: () => void; onSelect: (spanId: string) => void; onZoom: () => void }) {
  const { span, originUs, traceId, range, onClose } = props;
  const raw = span.raw;
  const durationMs = (span.endUs - span.startUs) / 1000;
  const sameSpans = `service:"${span.service}" name:"${span.name.replace(/["\\]/g, '\\$&')}"`;
  return (
    <aside className="span-details panel" aria-label={`Span ${span.name}`}>
      <div className="row sd-head">
        <span className="wf-swatch" style={{ background: serviceColor(span.colorKey) }} />
        <h2 className="sd-title">{span.name}</h2>
        <span className="spacer" />
        <button type="button" onClick={onClose} aria-label="Close span details">
          Close
        </button>
      </div>
      <p className="muted">
        {span.service} · {span.kind || 'span'} · <span className={span.status === 'ok' ? '' : 'error-text'}>{span.status}</span> · {formatMs(durationMs)} · starts at +{formatMs((span.startUs - originUs) / 1000)}
      </p>
      <Exceptions span={span} />
      <LogLines logs={props.logs} originUs={originUs} />
      <KeyValues title="HTTP" entries={[['method', raw.http_method], ['url', raw.http_url], ['status', raw.http_status]]} />
      {raw.sql_query || raw.db_server ? (
        <section className="sd-section" aria-label="SQL">
          <h3>SQL</h3>
          {raw.db_server ? <p className="mono">{String(raw.db_server)}</p> : null}
          {raw.sql_query ? <pre className="sd-pre">{String(raw.sql_query)}</pre> : null}
        </section>
      ) : null}
      <KeyValues title="Annotations" entries={flattenObject(parseJsonField(raw.annotations))} />
      <KeyValues title="Attributes" entries={flattenObject(parseJsonField(raw.attributes))} />
      <KeyValues title="Resource" entries={flattenObject(parseJsonField(raw.resource))} />
      <KeyValues
        title="Span"
        entries={[['span_id', raw.span_id], ['parent_span_id', raw.parent_span_id], ['start_time', raw.start_time], ['end_time', raw.end_time], ['host', raw.host], ['origin', raw.origin], ['source', raw.source], ['in_progress', span.inProgress ? 'yes' : null]]}
      />
      <div className="row sd-links">
        <button type="button" onClick={props.onZoom}>
          Zoom to this span
        </button>
        {raw.parent_span_id ? (
          <button type="button" onClick={() => props.onSelect(String(raw.parent_span_id))}>
            Parent span
          </button>
        ) : null}
        <Link to={searchPath({ signal: 'logs', q: `trace:${traceId} span:${raw.span_id}`, ...range })}>Logs of this span</Link>
        <Link to={searchPath({ signal: 'spans', q: sameSpans, ...range })}>Spans like this</Link>
      </div>
    </aside>
  );
}
