// Matches per time bucket as bars (uPlot); dragging across the chart zooms the range to the selection.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { HistogramAnswer } from '../../api/types.ts';
import { themeColor, useCurrentTheme } from '../../app/theme.ts';

interface HistogramProps {
  data: HistogramAnswer;
  /** Called with the selected range in epoch milliseconds. */
  onZoom: (fromMs: number, toMs: number) => void;
}

/** The chart above the results. */
export function Histogram({ data, onZoom }: HistogramProps) {
  const box = useRef<HTMLDivElement>(null);
  const theme = useCurrentTheme();
  const zoom = useRef(onZoom);
  zoom.current = onZoom;
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const xs = data.buckets.map((b) => Date.parse(b.time) / 1000);
    const ys = data.buckets.map((b) => b.count);
    const step = data.intervalSeconds;
    const accent = themeColor('--accent');
    const axis = { stroke: themeColor('--muted'), grid: { stroke: themeColor('--border'), width: 1 }, ticks: { stroke: themeColor('--border') } };
    const options: uPlot.Options = {
      width: Math.max(element.clientWidth, 300),
      height: 140,
      legend: { show: false },
      cursor: { drag: { x: true, y: false, setScale: false } },
      scales: { x: { time: true, range: (_u, min, max) => [min, max + step] } },
      axes: [axis, { ...axis, size: 44 }],
      series: [{}, { label: 'matches', fill: accent, stroke: accent, points: { show: false }, paths: uPlot.paths.bars!({ size: [0.9, 64], align: 1 }) }],
      hooks: {
        setSelect: [
          (u) => {
            if (u.select.width < 4) return;
            const from = u.posToVal(u.select.left, 'x');
            const to = u.posToVal(u.select.left + u.select.width, 'x');
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            zoom.current(Math.floor(from * 1000), Math.ceil(to * 1000));
          },
        ],
      },
    };
    const plot = new uPlot(options, [xs, ys], element);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(element.clientWidth, 300), height: 140 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [data, theme]);
  return (
    <figure className="histogram" aria-label={`${data.total.toLocaleString('en-US')} matches over time, ${data.intervalSeconds}-second buckets; drag across the chart to zoom`}>
      <div ref={box} data-testid="histogram" />
    </figure>
  );
}
