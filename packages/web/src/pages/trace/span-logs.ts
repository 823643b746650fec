// Log lines of a trace grouped by the span that wrote them, so the waterfall
// can mark them on the bars and the details panel can list them — what a
// tracing UI alone cannot show.
import type { StoryLog } from '../../api/index.ts';
import { isoToMicros } from './trace-model.ts';

/** A log line placed on the trace's time axis. */
export interface SpanLog {
  atUs: number;
  level: string;
  message: string;
  exception: string | null;
}

/** Log lines by span id, oldest first; lines without a span id are left out. */
export function logsBySpan(logs: StoryLog[]): Map<string, SpanLog[]> {
  const grouped = new Map<string, SpanLog[]>();
  for (const log of logs) {
    const spanId = typeof log.span_id === 'string' ? log.span_id : null;
    if (!spanId || typeof log.timestamp !== 'string') continue;
    const entry = { atUs: isoToMicros(log.timestamp), level: String(log.level ?? 'info'), message: String(log.message ?? ''), exception: typeof log.exception === 'string' ? log.exception : null };
    grouped.set(spanId, [...(grouped.get(spanId) ?? []), entry]);
  }
  for (const list of grouped.values()) list.sort((a, b) => a.atUs - b.atUs);
  return grouped;
}
