// The span waterfall: a keyboard-driven tree (arrows move, left/right fold,
// Enter selects) over a shared time axis.
import { useRef, useState, type KeyboardEvent } from 'react';
import type { BalancerAttempt } from './balancer-attempts.ts';
import { BalancerRows } from './balancer-row.tsx';
import type { CriticalSegment } from './critical-path.ts';
import type { SpanLog } from './span-logs.ts';
import type { WaterfallRow } from './span-tree.ts';
import { TimeRuler } from './time-ruler.tsx';
import type { WaterfallSpan } from './trace-model.ts';
import type { ViewWindow } from './view-window.ts';
import { WaterfallRowView } from './waterfall-row.tsx';

export interface WaterfallProps {
  rows: WaterfallRow<WaterfallSpan>[];
  /** The stretch of the trace shown (all of it unless zoomed). */
  view: ViewWindow;
  onZoom: (fromMs: number, toMs: number) => void;
  collapsed: ReadonlySet<string>;
  selectedId: string | null;
  /** Critical segments per span id; empty when the highlight is off. */
  critical: Map<string, CriticalSegment[]>;
  /** Span ids matching the find box, or null when it is empty. */
  matches: ReadonlySet<string> | null;
  /** Log lines per span id, marked on the bars. */
  logs: Map<string, SpanLog[]>;
  /** The load balancer's records of the request, drawn above the spans. */
  attempts: BalancerAttempt[];
  onToggle: (spanId: string, collapse: boolean) => void;
  onSelect: (spanId: string) => void;
}

/** Rows of spans with their bars; renders every row (traces rarely hold more than a few thousand spans). */
export function Waterfall(props: WaterfallProps) {
  const { rows, collapsed } = props;
  const [focusIndex, setFocusIndex] = useState(0);
  const tree = useRef<HTMLDivElement>(null);
  const current = Math.min(focusIndex, Math.max(0, rows.length - 1));

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setFocusIndex(next);
    tree.current?.querySelectorAll<HTMLElement>('[role="treeitem"]')[next]?.focus();
  };
  const onKeyDown = (index: number) => (event: KeyboardEvent<HTMLDivElement>) => {
    const row = rows[index];
    if (!row) return;
    const id = row.node.span.id;
    const hasChildren = row.node.children.length > 0;
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(index + 1),
      ArrowUp: () => moveTo(index - 1),
      Home: () => moveTo(0),
      End: () => moveTo(rows.length - 1),
      ArrowRight: () => (hasChildren && collapsed.has(id) ? props.onToggle(id, false) : moveTo(index + 1)),
      ArrowLeft: () => (hasChildren && !collapsed.has(id) ? props.onToggle(id, true) : row.parentRow >= 0 && moveTo(row.parentRow)),
      Enter: () => props.onSelect(id),
      ' ': () => props.onSelect(id),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  return (
    <div className="waterfall panel">
      <TimeRuler view={props.view} onZoom={props.onZoom} />
      <BalancerRows attempts={props.attempts} view={props.view} />
      <div role="tree" aria-label="Spans of the trace" ref={tree} className="wf-rows">
        {rows.map((row, index) => {
          const id = row.node.span.id;
          return (
            <WaterfallRowView
              key={id}
              row={row}
              view={props.view}
              collapsed={collapsed.has(id)}
              selected={props.selectedId === id}
              focused={index === current}
              matched={props.matches === null ? null : props.matches.has(id)}
              critical={props.critical.get(id)}
              logs={props.logs.get(id)}
              onToggle={() => props.onToggle(id, !collapsed.has(id))}
              onSelect={() => {
                setFocusIndex(index);
                props.onSelect(id);
              }}
              onFocus={() => setFocusIndex(index)}
              onKeyDown={onKeyDown(index)}
            />
          );
        })}
      </div>
    </div>
  );
}
