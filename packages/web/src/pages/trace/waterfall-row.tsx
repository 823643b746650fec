// One span of the waterfall: its name column (indented by depth, with the
// collapse toggle) and its bar on the trace's time axis.
import type { CSSProperties, KeyboardEvent } from 'react';
import type { CriticalSegment } from './critical-path.ts';
import { formatMs } from './format-duration.ts';
import { serviceColor } from './service-color.ts';
import type { SpanLog } from './span-logs.ts';
import type { WaterfallRow } from './span-tree.ts';
import type { WaterfallSpan } from './trace-model.ts';
import { barStyle, fractionOf, pointStyle, type ViewWindow } from './view-window.ts';

export interface WaterfallRowProps {
  row: WaterfallRow<WaterfallSpan>;
  view: ViewWindow;
  collapsed: boolean;
  selected: boolean;
  focused: boolean;
  matched: boolean | null;
  critical: CriticalSegment[] | undefined;
  logs: SpanLog[] | undefined;
  onToggle: () => void;
  onSelect: () => void;
  onFocus: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
}

/** The duration label sits after the bar, before it when the bar ends near the right edge, or inside a bar that fills the row. */
function durationPlace(span: WaterfallSpan, view: ViewWindow): { className: string; style: CSSProperties } {
  const start = Math.max(0, fractionOf(span.startUs, view));
  const end = Math.min(1, fractionOf(span.endUs, view));
  if (end <= 0.8) return { className: 'wf-duration', style: { left: `calc(${Math.max(0, end) * 100}% + 4px)` } };
  if (start >= 0.2) return { className: 'wf-duration', style: { right: `${(1 - start) * 100}%`, paddingRight: '4px' } };
  return { className: 'wf-duration inside', style: { right: `${(1 - end) * 100}%`, paddingRight: '6px' } };
}

/** A treeitem row; arrow keys are handled by the waterfall around it. */
export function WaterfallRowView(props: WaterfallRowProps) {
  const { row, view, collapsed, selected, critical } = props;
  const { span, depth, children, descendants } = row.node;
  const color = serviceColor(span.colorKey);
  const durationMs = (span.endUs - span.startUs) / 1000;
  const bar = barStyle(span.startUs, span.endUs, view);
  const failed = span.status !== 'ok';
  const classes = ['wf-row', selected && 'selected', failed && `status-${span.status}`, critical && critical.length > 0 && 'on-critical', props.matched === false && 'dimmed'];
  return (
    <div
      role="treeitem"
      aria-level={depth + 1}
      aria-expanded={children.length > 0 ? !collapsed : undefined}
      aria-selected={selected}
      aria-label={`${span.service} ${span.name}, ${formatMs(durationMs)}${failed ? `, ${span.status}` : ''}${props.logs?.length ? `, ${props.logs.length} log lines` : ''}`}
      tabIndex={props.focused ? 0 : -1}
      className={classes.filter(Boolean).join(' ')}
      data-span-id={span.id}
      onClick={props.onSelect}
      onFocus={props.onFocus}
      onKeyDown={props.onKeyDown}
    >
      <div className="wf-label" style={{ paddingLeft: `${depth * 16 + 4}px` }}>
        {children.length > 0 ? (
          <button
            type="button"
            className="wf-toggle"
            tabIndex={-1}
            aria-label={collapsed ? `Expand ${descendants} spans` : 'Collapse'}
            onClick={(event) => {
              event.stopPropagation();
              props.onToggle();
            }}
          >
            {collapsed ? '▸' : '▾'}
          </button>
        ) : (
          <span className="wf-toggle-space" />
        )}
        <span className="wf-swatch" style={{ background: color }} />
        <span className="wf-service">{span.service}</span>
        <span className="wf-name" title={span.name}>
          {span.name}
        </span>
        {collapsed && descendants > 0 ? <span className="wf-hidden-count">+{descendants}</span> : null}
        {failed ? <span className={`badge wf-status ${span.status === 'fault' ? 'error' : 'warn'}`}>{span.status}</span> : null}
      </div>
      <div className="wf-track">
        {bar ? <div className="wf-bar" style={{ ...bar, background: color }} /> : null}
        {(critical ?? []).map((segment) => {
          const style = barStyle(segment.startUs, segment.endUs, view, 0);
          return style ? <div key={segment.startUs} className="wf-critical" style={style} /> : null;
        })}
        {(props.logs ?? []).map((log, i) => {
          const style = pointStyle(log.atUs, view);
          return style ? <span key={i} className={`wf-log level-${log.level}`} style={style} title={`${log.level}: ${log.message}`} /> : null;
        })}
        <span {...durationPlace(span, view)}>
          {formatMs(durationMs)}
          {span.inProgress ? ' (in progress)' : ''}
        </span>
      </div>
    </div>
  );
}
