// The bar above the waterfall: find a span, fold everything, switch the critical path.

export interface TraceControlsProps {
  find: string;
  onFind: (text: string) => void;
  /** How many spans match the find text, or null when it is empty. */
  matches: number | null;
  critical: boolean;
  onCritical: (on: boolean) => void;
  onExpandAll: () => void;
  onCollapseAll: () => void;
  zoomed: boolean;
  onResetZoom: () => void;
}

/** Labelled controls; the find box dims the spans that do not match. */
export function TraceControls(props: TraceControlsProps) {
  return (
    <div className="row trace-controls" role="toolbar" aria-label="Waterfall controls">
      <label htmlFor="trace-find">Find</label>
      <input id="trace-find" type="search" value={props.find} onChange={(event) => props.onFind(event.target.value)} placeholder="service, name, URL, SQL, span id" autoComplete="off" />
      {props.matches !== null ? (
        <span className="muted" role="status">
          {props.matches} matching
        </span>
      ) : null}
      <button type="button" onClick={props.onExpandAll}>
        Expand all
      </button>
      <button type="button" onClick={props.onCollapseAll}>
        Collapse all
      </button>
      {props.zoomed ? (
        <button type="button" onClick={props.onResetZoom}>
          Show the whole trace
        </button>
      ) : null}
      <label className="row trace-critical-toggle">
        <input type="checkbox" checked={props.critical} onChange={(event) => props.onCritical(event.target.checked)} />
        Highlight the critical path
      </label>
      <span className="wf-legend" aria-hidden="true">
        <span className="wf-legend-critical" /> critical path <span className="wf-legend-log" /> log line (coloured by level)
      </span>
    </div>
  );
}
