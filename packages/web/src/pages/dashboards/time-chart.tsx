// A uPlot time series chart that follows the theme, resizes with its box,
// reports the hovered bucket (for the legend's values) and the clicked point
// (the bucket and the nearest line) for the click-through to Search.
import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { themeColor, useCurrentTheme } from '../../app/index.ts';

/** One line: its values are aligned with the chart's x (bucket starts, epoch seconds). */
export interface ChartLine {
  key: string;
  label: string;
  color: string;
  values: (number | null)[];
  dash?: boolean;
}

export interface TimeChartProps {
  x: number[];
  lines: ChartLine[];
  /** Formats a y value for the axis. */
  format: (value: number) => string;
  /** What the chart shows, for screen readers. */
  label: string;
  onHover: (index: number | null) => void;
  onPick: (index: number, line: number) => void;
  height?: number;
}

/** The index of the line whose value at `idx` is drawn closest to the pointer's height. */
function nearestLine(u: uPlot, idx: number, top: number): number {
  let best = -1;
  let bestDistance = Infinity;
  for (let i = 1; i < u.data.length; i++) {
    const value = u.data[i]?.[idx];
    if (value === null || value === undefined) continue;
    const distance = Math.abs(u.valToPos(value, 'y') - top);
    if (distance < bestDistance) {
      best = i - 1;
      bestDistance = distance;
    }
  }
  return best;
}

/** An x tick as a UTC clock time; the date is added at midnight. */
function clockLabel(seconds: number): string {
  const iso = new Date(seconds * 1000).toISOString();
  return iso.slice(11, 16) === '00:00' ? iso.slice(5, 10) : iso.slice(11, 16);
}

function chartOptions(props: TimeChartProps, width: number, callbacks: { hover: (i: number | null) => void; pick: (i: number, l: number) => void }): uPlot.Options {
  const axis = { stroke: themeColor('--muted'), grid: { stroke: themeColor('--border'), width: 1 }, ticks: { stroke: themeColor('--border'), width: 1 } };
  return {
    width,
    height: props.height ?? 200,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    legend: { show: false },
    cursor: { focus: { prox: 24 }, points: { size: 7 } },
    focus: { alpha: 0.35 },
    scales: { x: { time: true }, y: { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.08 : 1] } },
    axes: [{ ...axis, values: (_u, splits) => splits.map(clockLabel) }, { ...axis, size: 64, values: (_u, values) => values.map((v) => props.format(v)) }],
    series: [{}, ...props.lines.map((line) => ({ label: line.label, stroke: line.color, width: 1.75, dash: line.dash ? [6, 4] : undefined, points: { show: false }, spanGaps: false }))],
    hooks: {
      setCursor: [(u: uPlot) => callbacks.hover(u.cursor.idx ?? null)],
      ready: [
        (u: uPlot) => {
          u.over.style.cursor = 'pointer';
          u.over.addEventListener('click', () => {
            const idx = u.cursor.idx;
            if (idx === null || idx === undefined) return;
            const line = nearestLine(u, idx, u.cursor.top ?? 0);
            if (line >= 0) callbacks.pick(idx, line);
          });
        },
      ],
    },
  };
}

/** The chart; redrawn when its data or the theme changes. */
export function TimeChart(props: TimeChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const theme = useCurrentTheme();
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(Math.floor(element.clientWidth)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!box.current || width === 0) return;
    const callbacks = { hover: (i: number | null) => latest.current.onHover(i), pick: (i: number, l: number) => latest.current.onPick(i, l) };
    const data: uPlot.AlignedData = [props.x, ...props.lines.map((l) => l.values)];
    plot.current = new uPlot(chartOptions(props, width, callbacks), data, box.current);
    return () => {
      plot.current?.destroy();
      plot.current = null;
    };
    // Width changes are handled below without rebuilding the chart.
  }, [props.x, props.lines, theme, width === 0]);

  useEffect(() => {
    if (width > 0) plot.current?.setSize({ width, height: props.height ?? 200 });
  }, [width, props.height]);

  return <div ref={box} className="time-chart" role="img" aria-label={props.label} />;
}
