import { ok, parseAnyTraceId, tables, type Result } from '@tinsel/model';
import type { ResultRow, Store, StoreReader } from '@tinsel/store';
import { inheritServices } from '../inherit-services.ts';
import { keepLatestVersions, selectTraceSpans, sortSpans, traceWindow } from '../select-trace-spans.ts';
import { albTimes } from './alb-phases.ts';
import { assembleStory, type StoryRows } from './assemble-story.ts';
import { isoMicros } from './iso-micros.ts';
import { selectStoryRows, type StoryWindow } from './select-story-rows.ts';
import type { Story } from './story.ts';

const SECOND = 1_000_000;
// A story shows at most this many log lines; a request that logs more is
// better read through the search API.
const LOG_LIMIT = 5000;
// More ALB records than this for one id is a client looping, not a story.
const REQUEST_LIMIT = 100;
// ALB records: the id is minted when the first attempt arrives (by ALB, or
// a little earlier by a caller). An hour after it covers a request held for
// the default 60 s idle timeout many times over, and a caller's retries.
// Each hour more is one more slice of the table to scan; a record beyond
// the hour (a 4000 s idle timeout) is missed unless nothing else is found.
const REQUEST_SLACK = { before: 300 * SECOND, after: 3600 * SECOND };
// Spans and log lines around the ALB records: clocks of the app's hosts
// drift, and work may go on a little after the response.
const AROUND_REQUESTS = { before: 300 * SECOND, after: 300 * SECOND };

/**
 * The whole story of one request from any id form a user pastes (X-Ray id,
 * 32 hex, a whole `X-Amzn-Trace-Id` header or a traceparent): its ALB
 * records, spans and log lines on one timeline with a verdict. A bad id is
 * a failure naming what was wrong; an id nothing has is `ok(null)`.
 *
 * The id's embedded start second bounds the scans: ALB records near it,
 * then spans and log lines around the ALB records found (or within a day of
 * the second when there are none). A W3C id's random digits can look like a
 * time by chance, so when nothing at all turns up the scans run again
 * without bounds, as trace lookups do.
 *
 * @example
 * const story = await loadStory(store, '1-5759e988-bd862e3fe1be46a994272793');
 * if (story.ok && story.value) console.log(story.value.classification.reason);
 */
export async function loadStory(store: Store, id: string, now: number = Date.now()): Promise<Result<Story | null>> {
  const parsed = parseAnyTraceId(id, now);
  if (!parsed.ok) return parsed;
  const { traceId, epochSecond } = parsed.value;
  let rows = await readStoryRows(store, traceId, epochSecond);
  if (isEmpty(rows) && epochSecond !== null) rows = await readStoryRows(store, traceId, null);
  return ok(isEmpty(rows) ? null : assembleStory(traceId, rows));
}

/**
 * The three lookups run at once (the store answers them on separate
 * connections): spans and log lines over a window wide enough to hold any
 * window the ALB records could set, narrowed here once those are known,
 * exactly as if they had been asked for after them. Only a request with
 * more log lines than a story shows asks again, in its narrow window.
 */
async function readStoryRows(whole: Store, traceId: string, epochSecond: number | null): Promise<StoryRows> {
  const store = (await whole.traceScope?.(traceId)) ?? whole;
  const { dialect } = store;
  const near: StoryWindow | null = epochSecond === null ? null : { from: epochSecond * SECOND - REQUEST_SLACK.before, to: epochSecond * SECOND + REQUEST_SLACK.after };
  const wide = epochSecond === null ? null : widestWindow(epochSecond);
  const [requests, allSpans, allLogs] = await Promise.all([
    readOldestFirst(store, 'requests', traceId, near, REQUEST_LIMIT),
    store.query(selectTraceSpans(dialect, traceId, wide, false)),
    store.query(selectStoryRows(dialect, 'logs', traceId, wide, LOG_LIMIT + 1)),
  ]);
  const around = aroundRequests(requests) ?? (epochSecond === null ? null : traceWindow(epochSecond));
  const spans = inheritServices(sortSpans(keepLatestVersions(within(allSpans, 'start_time', around))));
  const logs = allLogs.length > LOG_LIMIT ? await readOldestFirst(store, 'logs', traceId, around, LOG_LIMIT) : oldestFirst(within(allLogs, 'timestamp', around), 'timestamp');
  return { requests, spans, logs };
}

/**
 * Holds both the trace window of the id's second and the window around any
 * ALB record the requests lookup can return (arrival at most REQUEST_SLACK
 * before the second, response at most REQUEST_SLACK after it).
 */
function widestWindow(epochSecond: number): StoryWindow {
  const trace = traceWindow(epochSecond)!;
  return {
    from: Math.min(trace.from, epochSecond * SECOND - REQUEST_SLACK.before - AROUND_REQUESTS.before),
    to: Math.max(trace.to, epochSecond * SECOND + REQUEST_SLACK.after + AROUND_REQUESTS.after),
  };
}

function within(rows: ResultRow[], column: string, window: StoryWindow | null): ResultRow[] {
  if (window === null) return rows;
  return rows.filter((row) => {
    const micros = isoMicros(row[column]);
    return micros !== null && micros >= window.from && micros < window.to;
  });
}

/**
 * Up to `limit` rows, oldest first. Asks unordered for one row more than
 * the limit and sorts here; only when there are more does the store sort,
 * so that the oldest are the ones kept.
 */
async function readOldestFirst(store: StoreReader, signal: 'requests' | 'logs', traceId: string, window: StoryWindow | null, limit: number): Promise<ResultRow[]> {
  const rows = await store.query(selectStoryRows(store.dialect, signal, traceId, window, limit + 1));
  if (rows.length > limit) return store.query(selectStoryRows(store.dialect, signal, traceId, window, limit, true));
  return oldestFirst(rows, tables[signal].timeColumn);
}

/** Stores return timestamps as fixed-width ISO-8601 text, which sorts as time does. */
function oldestFirst(rows: ResultRow[], time: string): ResultRow[] {
  return rows.sort((a, b) => String(a[time]).localeCompare(String(b[time])));
}

/** From a little before the first arrival to a little after the last response; null without records. */
function aroundRequests(requests: ResultRow[]): StoryWindow | null {
  let from = Infinity;
  let to = -Infinity;
  for (const row of requests) {
    const times = albTimes(row);
    if (times === null) continue;
    from = Math.min(from, times.arrival);
    to = Math.max(to, times.responded);
  }
  return Number.isFinite(from) ? { from: from - AROUND_REQUESTS.before, to: to + AROUND_REQUESTS.after } : null;
}

function isEmpty(rows: StoryRows): boolean {
  return rows.requests.length === 0 && rows.spans.length === 0 && rows.logs.length === 0;
}
