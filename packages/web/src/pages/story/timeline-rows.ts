// Lays out one attempt of a story as timeline rows: the load balancer's
// phases first, then spans and log lines merged by time, so each log line
// sits between the spans that ran before and after it.
import type { Story, StoryLog, StoryRequest, StorySpan } from '../../api/types.ts';

export type TimelineRow =
  | { kind: 'span'; span: StorySpan; depth: number; at: number }
  | { kind: 'log'; log: StoryLog; depth: number; at: number };

/** One attempt (or, without ALB records, the whole trace) with its rows. */
export interface AttemptLane {
  attempt: number | null;
  request: StoryRequest | null;
  rows: TimelineRow[];
}

/** The end of the story on its time axis, in ms from the origin. */
export function storyEndMs(story: Story): number {
  let end = 1;
  for (const r of story.requests) end = Math.max(end, r.endMs);
  for (const s of story.spans) end = Math.max(end, s.endMs ?? s.startMs);
  for (const l of story.logs) end = Math.max(end, l.atMs);
  return end;
}

function laneRows(spans: StorySpan[], logs: StoryLog[]): TimelineRow[] {
  const depthOf = new Map(spans.map((s) => [s.span_id, s.depth]));
  const items: (TimelineRow & { order: number })[] = [];
  spans.forEach((span, order) => items.push({ kind: 'span', span, depth: span.depth, at: span.startMs, order }));
  logs.forEach((log, order) => {
    const parent = typeof log.span_id === 'string' ? depthOf.get(log.span_id) : undefined;
    items.push({ kind: 'log', log, depth: parent === undefined ? 0 : parent + 1, at: log.atMs, order: spans.length + order });
  });
  // By time; at the same instant a span comes before the lines it logged, and each kind keeps its own order.
  items.sort((a, b) => a.at - b.at || (a.kind === b.kind ? a.order - b.order : a.kind === 'span' ? -1 : 1));
  return items.map(({ order: _order, ...row }) => row);
}

/**
 * The story split by attempt: each ALB record with the spans and log lines
 * that fall in its target phase; anything not tied to an attempt comes last.
 */
export function buildLanes(story: Story): AttemptLane[] {
  const lanes: AttemptLane[] = story.requests.map((request) => ({
    attempt: request.attempt,
    request,
    rows: laneRows(
      story.spans.filter((s) => s.attempt === request.attempt),
      story.logs.filter((l) => l.attempt === request.attempt),
    ),
  }));
  const known = new Set(story.requests.map((r) => r.attempt));
  const loose = laneRows(
    story.spans.filter((s) => s.attempt === null || !known.has(s.attempt)),
    story.logs.filter((l) => l.attempt === null || !known.has(l.attempt)),
  );
  if (loose.length > 0 || lanes.length === 0) lanes.push({ attempt: null, request: null, rows: loose });
  return lanes;
}

/** Template property names (`{OrderId}`, `{@Cart}`, `{Elapsed:0.0000}`) of a message template. */
export function templateNames(template: unknown): Set<string> {
  const names = new Set<string>();
  if (typeof template !== 'string') return names;
  for (const match of template.matchAll(/\{[@$]?([A-Za-z0-9_]+)(?:[,:][^}]*)?\}/g)) names.add(match[1]!);
  return names;
}

/** A JSON column that may arrive as text (spans' exceptions, annotations, attributes). */
export function parseJsonField(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
