import { canonicalToXray, parseAmznTraceHeader } from '@tinsel/model';
import type { ResultRow } from '@tinsel/store';
import { albTimes, type AlbTimes } from './alb-phases.ts';
import { classifyAttempt, classifyStory, type ClassifiedAttempt } from './classify-story.ts';
import { isoMicros, microsIso } from './iso-micros.ts';
import { placeLogs, placeSpans, type AttemptWindow } from './place-on-timeline.ts';
import type { Story, StoryRequest, StorySpan } from './story.ts';
import { storyEnrichment } from './story-enrichment.ts';

/** The rows of one trace as the store returned them, each table oldest first. */
export interface StoryRows {
  requests: ResultRow[];
  spans: ResultRow[];
  logs: ResultRow[];
}

/**
 * Puts one trace's rows on a single timeline: ALB attempts in arrival order
 * with their phases, the span tree inside each attempt's target phase, log
 * lines beside them, the verdict, the time nobody accounts for, and the
 * request's enrichment. Pure: the rows come from `loadStory`.
 *
 * @example
 * assembleStory(traceId, { requests, spans, logs }).classification.kind // 'failed-in-app'
 */
export function assembleStory(traceId: string, rows: StoryRows): Story {
  const timed = rows.requests
    .map((row) => ({ row, times: albTimes(row) }))
    .filter((r): r is { row: ResultRow; times: AlbTimes } => r.times !== null)
    .sort((a, b) => a.times.arrival - b.times.arrival);
  const zero = earliest([...timed.map((r) => r.times.arrival), ...rows.spans.map((s) => isoMicros(s.start_time)), ...rows.logs.map((l) => isoMicros(l.timestamp))]);
  const windows: AttemptWindow[] = timed.map(({ times }, i) => {
    const target = times.phases.find((p) => p.name === 'target');
    return { attempt: i + 1, start: target?.start ?? times.arrival, end: target?.end ?? times.responded };
  });
  const spans = placeSpans(rows.spans, windows, zero);
  const logs = placeLogs(rows.logs, spans, windows, zero);
  const attempts: ClassifiedAttempt[] = timed.map(({ row, times }, i) => ({ row, attempt: i + 1, heldMs: (times.responded - times.arrival) / 1000 }));
  const requests: StoryRequest[] = timed.map(({ row, times }, i) => {
    const attempt = i + 1;
    const mine = (a: { attempt: number | null }) => a.attempt === attempt;
    const verdict = classifyAttempt(attempts[i]!, spans.filter(mine), logs.filter(mine));
    return {
      ...row,
      attempt,
      self: selfOf(row.trace_fields),
      startMs: offset(times.arrival, zero),
      endMs: offset(times.responded, zero),
      phases: times.phases.map((p) => ({ name: p.name, startMs: offset(p.start, zero), endMs: offset(p.end, zero), durationMs: offset(p.end, p.start) })),
      unaccountedMs: unaccounted(row, spans.filter(mine)),
      outcome: { kind: verdict.kind, reason: verdict.reason },
    };
  });
  const classification = classifyStory(attempts, spans, logs);
  const decisive = requests[requests.length - 1];
  const xray = canonicalToXray(traceId);
  return {
    traceId,
    xrayId: xray.ok ? xray.value : traceId,
    origin: microsIso(zero),
    requests,
    spans,
    logs,
    classification,
    unaccountedMs: decisive ? decisive.unaccountedMs : null,
    enrichment: storyEnrichment(decisive ?? null, spans),
  };
}

/** The smallest known time; 0 when nothing has one. */
function earliest(times: (number | null)[]): number {
  let min = Infinity;
  for (const t of times) if (t !== null && t < min) min = t;
  return Number.isFinite(min) ? min : 0;
}

const offset = (micros: number, from: number): number => Math.round(micros - from) / 1000;

/**
 * ALB's target processing time less the attempt's root server span: time
 * spent between the load balancer and the app's handler (network, accept
 * queue, thread-pool wait). The longest root server span stands for the
 * attempt when several roots fall in it.
 */
function unaccounted(row: ResultRow, spans: StorySpan[]): number | null {
  if (typeof row.target_processing_time !== 'number') return null;
  const roots = spans.filter((s) => s.depth === 0 && s.kind === 'server' && typeof s.duration_ms === 'number');
  if (roots.length === 0) return null;
  const longest = Math.max(...roots.map((s) => s.duration_ms as number));
  return Math.round((row.target_processing_time * 1000 - longest) * 1000) / 1000;
}

/** The `Self=` id ALB adds to a header that already had a Root, which tells a client's retries apart. */
function selfOf(traceFields: unknown): string | null {
  if (typeof traceFields !== 'string' || traceFields === '') return null;
  const header = parseAmznTraceHeader(traceFields);
  return header.ok ? header.value.self : null;
}
