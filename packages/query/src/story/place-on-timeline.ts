import type { ResultRow } from '@tinsel/store';
import { isoMicros } from './iso-micros.ts';
import type { StoryLog, StorySpan } from './story.ts';

/** Where an ALB attempt had its target working (or, without a target phase, its whole interval), epoch µs. */
export interface AttemptWindow {
  attempt: number;
  start: number;
  end: number;
}

const ms = (micros: number, origin: number): number => Math.round(micros - origin) / 1000;

/**
 * The attempt whose window is nearest to `micros` (inside it counts as 0);
 * null when there are no attempts. Clocks of the load balancer and of the
 * app's hosts differ a little, so nearest rather than inside.
 */
export function nearestAttempt(windows: readonly AttemptWindow[], micros: number): number | null {
  let best: AttemptWindow | null = null;
  let bestDistance = Infinity;
  for (const w of windows) {
    const distance = micros < w.start ? w.start - micros : micros > w.end ? micros - w.end : 0;
    if (distance < bestDistance) [best, bestDistance] = [w, distance];
  }
  return best?.attempt ?? null;
}

/**
 * The span tree in waterfall order (each root, then its children by start
 * time, depth first), each span with its depth and the attempt its root
 * falls in. A span whose parent is not in the trace (the caller's segment
 * was not sent, or a retry's caller lives elsewhere) is a root.
 *
 * @example
 * placeSpans(spans, [{ attempt: 1, start, end }], origin)[0].depth // 0
 */
export function placeSpans(spans: readonly ResultRow[], windows: readonly AttemptWindow[], origin: number): StorySpan[] {
  const ids = new Set(spans.map((s) => s.span_id as string));
  const children = new Map<string | null, ResultRow[]>();
  for (const span of spans) {
    const parent = span.parent_span_id !== null && ids.has(span.parent_span_id as string) ? (span.parent_span_id as string) : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(span);
    else children.set(parent, [span]);
  }
  const placed: StorySpan[] = [];
  const seen = new Set<string>();
  const visit = (span: ResultRow, depth: number, attempt: number | null): void => {
    if (seen.has(span.span_id as string)) return;
    seen.add(span.span_id as string);
    const start = isoMicros(span.start_time) ?? origin;
    const end = isoMicros(span.end_time);
    placed.push({ ...span, depth, attempt, startMs: ms(start, origin), endMs: end === null ? null : ms(end, origin) });
    for (const child of byStart(children.get(span.span_id as string) ?? [])) visit(child, depth + 1, attempt);
  };
  for (const root of byStart(children.get(null) ?? [])) visit(root, 0, nearestAttempt(windows, isoMicros(root.start_time) ?? origin));
  // Spans caught in a parent cycle have no root; show them rather than lose them.
  for (const span of byStart(spans.filter((s) => !seen.has(s.span_id as string)))) visit(span, 0, null);
  return placed;
}

/**
 * Log lines on the timeline: a line that names a span takes that span's
 * attempt, others the attempt nearest in time. Properties are parsed from
 * their JSON text so that the ambient context reads as an object.
 */
export function placeLogs(logs: readonly ResultRow[], spans: readonly StorySpan[], windows: readonly AttemptWindow[], origin: number): StoryLog[] {
  const attemptOfSpan = new Map(spans.map((s) => [s.span_id as string, s.attempt]));
  return logs.map((log) => {
    const at = isoMicros(log.timestamp) ?? origin;
    const bySpan = typeof log.span_id === 'string' ? attemptOfSpan.get(log.span_id) : undefined;
    return { ...log, properties: parseProperties(log.properties), atMs: ms(at, origin), attempt: bySpan ?? nearestAttempt(windows, at) };
  });
}

function byStart(spans: ResultRow[]): ResultRow[] {
  return [...spans].sort((a, b) => String(a.start_time).localeCompare(String(b.start_time)) || String(a.span_id).localeCompare(String(b.span_id)));
}

function parseProperties(value: unknown): Record<string, unknown> | null {
  if (typeof value !== 'string') return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
  } catch {
    // Stored text that is not JSON is still worth showing.
    return { text: value };
  }
}
