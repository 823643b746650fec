// The time axis above the waterfall: round ticks from the trace's start.
// Dragging across it zooms the waterfall into that stretch.
import { useRef, useState, type PointerEvent } from 'react';
import { formatMs } from './format-duration.ts';
import { rulerTicks } from './ruler-ticks.ts';
import { fractionOf, type ViewWindow } from './view-window.ts';

/** The ruler row, laid out on the same two columns as the waterfall rows. */
export function TimeRuler({ view, onZoom }: { view: ViewWindow; onZoom: (fromMs: number, toMs: number) => void }) {
  const startMs = (view.startUs - view.originUs) / 1000;
  const endMs = (view.endUs - view.originUs) / 1000;
  const track = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const at = (event: PointerEvent) => {
    const box = track.current!.getBoundingClientRect();
    return Math.max(0, Math.min(1, (event.clientX - box.left) / Math.max(1, box.width)));
  };
  const msAt = (fraction: number) => startMs + fraction * (endMs - startMs);
  return (
    <div className="wf-ruler">
      <div className="wf-label muted">Service · span</div>
      <div
        ref={track}
        className="wf-track wf-ruler-track"
        title="Drag across the ruler to zoom into that stretch"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          setDrag({ from: at(event), to: at(event) });
        }}
        onPointerMove={(event) => drag && setDrag({ ...drag, to: at(event) })}
        onPointerUp={() => {
          if (drag && Math.abs(drag.to - drag.from) > 0.01) onZoom(msAt(Math.min(drag.from, drag.to)), msAt(Math.max(drag.from, drag.to)));
          setDrag(null);
        }}
      >
        {rulerTicks(startMs, endMs, 6).map((t) => (
          <span key={t} className="wf-tick" style={{ left: `${fractionOf(view.originUs + t * 1000, view) * 100}%` }} aria-hidden="true">
            <span className="wf-tick-label">{formatMs(t)}</span>
          </span>
        ))}
        {drag ? <span className="wf-zoom-drag" style={{ left: `${Math.min(drag.from, drag.to) * 100}%`, width: `${Math.abs(drag.to - drag.from) * 100}%` }} /> : null}
      </div>
    </div>
  );
}
