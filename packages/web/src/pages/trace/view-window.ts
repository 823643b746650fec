// The part of the trace the waterfall shows (all of it, or a zoomed window)
// and where a time falls in it, as CSS percentages clipped to the window.
import type { CSSProperties } from 'react';

/** The shown window, and the trace start that offsets are measured from. */
export interface ViewWindow {
  originUs: number;
  startUs: number;
  endUs: number;
}

/** Where `us` falls in the window, 0 to 1 (outside it: below 0 or above 1). */
export function fractionOf(us: number, view: ViewWindow): number {
  return (us - view.startUs) / Math.max(1, view.endUs - view.startUs);
}

/**
 * Left and width of a bar from `startUs` to `endUs`, cut to the window; null
 * when it lies wholly outside. Very short bars keep a visible minimum width.
 */
export function barStyle(startUs: number, endUs: number, view: ViewWindow, minFraction = 0.002): CSSProperties | null {
  if (endUs < view.startUs || startUs > view.endUs) return null;
  const left = Math.max(0, fractionOf(startUs, view));
  const right = Math.min(1, fractionOf(endUs, view));
  return { left: `${left * 100}%`, width: `${Math.max(right - left, minFraction) * 100}%` };
}

/** Left of a point in time, or null outside the window. */
export function pointStyle(us: number, view: ViewWindow): CSSProperties | null {
  const at = fractionOf(us, view);
  return at < 0 || at > 1 ? null : { left: `${at * 100}%` };
}

/**
 * Reads `zoom=<fromMs>-<toMs>` (offsets from the trace start) into a window
 * inside the trace; the whole trace when absent or unreadable.
 *
 * @example zoomWindow('100-250', 0, 320_000).startUs // 100_000
 */
export function zoomWindow(text: string, originUs: number, totalUs: number): ViewWindow {
  const whole = { originUs, startUs: originUs, endUs: originUs + totalUs };
  const match = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(text);
  if (!match) return whole;
  const startUs = originUs + Number(match[1]) * 1000;
  const endUs = Math.min(originUs + totalUs, originUs + Number(match[2]) * 1000);
  return endUs - startUs >= 1 ? { originUs, startUs, endUs } : whole;
}

/** The `zoom` value for a window given as offsets in milliseconds. */
export function zoomText(fromMs: number, toMs: number): string {
  const round = (ms: number) => String(Number(ms.toFixed(3)));
  return `${round(Math.max(0, fromMs))}-${round(toMs)}`;
}
