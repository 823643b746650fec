import { canonicalToXray } from '@tinsel/model';
import { loadStory, selectStoryRows, selectTraceSpans, type Story } from '@tinsel/query';
import { sql, unsafeRawSql, type Store, type Sql } from '@tinsel/store';
import { percentile } from '../spans/percentile.ts';

const WARMUP = 10;

export interface StoryFigures {
  millis: number[];
  p50: number;
  p99: number;
  min: number;
  /** CPU time of the whole process (DuckDB's threads included) per story: less sensitive to a busy machine than wall time. */
  cpuMsPerStory: number;
  /** Stories that came back without their ALB record, or with the wrong span or log count. */
  wrong: number;
  /** Median milliseconds of each table's lookup on its own, bounded as loadStory bounds it, and unbounded; warm, since the story was just read. */
  parts: { requests: number; spans: number; logs: number; requestsUnbounded: number; logsUnbounded: number };
  /** Rows of each table inside the windows one story's lookups are bounded by. */
  rowsInWindows: { requests: number; spans: number; logs: number };
}

/**
 * Times `loadStory` by X-Ray id for `lookups` ids sampled from the requests
 * table, one at a time, after a warm-up; then times each table's lookup on
 * its own, to show where the time goes and whether the time bound prunes.
 */
export async function timeStories(store: Store, lookups: number): Promise<StoryFigures> {
  // DuckDB takes only a literal sample size; this one is an integer Tinsel computed.
  const size = unsafeRawSql(String(Math.trunc(lookups + WARMUP)));
  const sample = await store.query(sql`SELECT trace_id FROM requests USING SAMPLE reservoir(${size} ROWS) REPEATABLE (42)`);
  const ids = sample.map((row) => xray(String(row.trace_id)));
  for (const id of ids.slice(0, WARMUP)) await loadStory(store, id);
  const millis: number[] = [];
  let wrong = 0;
  let last: Story | null = null;
  const cpu = process.cpuUsage();
  for (const id of ids.slice(WARMUP)) {
    const started = performance.now();
    const story = await loadStory(store, id);
    millis.push(performance.now() - started);
    if (!story.ok || story.value === null || !plausible(story.value)) wrong++;
    else last = story.value;
  }
  const used = process.cpuUsage(cpu);
  const cpuMsPerStory = (used.user + used.system) / 1000 / Math.max(1, millis.length);
  const parts = await timeParts(store, ids.slice(WARMUP, WARMUP + 50));
  const rowsInWindows = last ? await countRowsInWindows(store, last) : { requests: 0, spans: 0, logs: 0 };
  return { millis, p50: percentile(millis, 50), p99: percentile(millis, 99), min: Math.min(...millis), cpuMsPerStory, wrong, parts, rowsInWindows };
}

function xray(hex: string): string {
  const id = canonicalToXray(hex);
  return id.ok ? id.value : hex;
}

/** The generator's shape: one ALB record; two spans for every other request; three log lines unless it died at the load balancer. */
function plausible(story: Story): boolean {
  const request = story.requests[0];
  if (story.requests.length !== 1 || !request) return false;
  const died = request.elb_status_code === 502;
  return (story.spans.length === 0 || story.spans.length === 2) && story.logs.length === (died ? 0 : 3);
}

interface Windows {
  near: { from: number; to: number };
  around: { from: number; to: number };
}

function windowsOf(id: string, story: Story | null): Windows {
  const epoch = Number.parseInt(id.slice(2, 10), 16) * 1e6;
  const near = { from: epoch - 300e6, to: epoch + 3600e6 };
  const first = story ? Date.parse(story.origin) * 1000 : epoch;
  const last = story ? first + Math.max(...story.requests.map((r) => r.endMs)) * 1000 : epoch;
  return { near, around: { from: first - 300e6, to: last + 300e6 } };
}

async function timeParts(store: Store, ids: string[]): Promise<StoryFigures['parts']> {
  const times: Record<keyof StoryFigures['parts'], number[]> = { requests: [], spans: [], logs: [], requestsUnbounded: [], logsUnbounded: [] };
  const timed = async (key: keyof StoryFigures['parts'], query: Sql) => {
    const started = performance.now();
    await store.query(query);
    times[key].push(performance.now() - started);
  };
  const d = store.dialect;
  for (const [i, id] of ids.entries()) {
    const story = await loadStory(store, id);
    const { near, around } = windowsOf(id, story.ok ? story.value : null);
    const hex = id.replace(/-/g, '').slice(1);
    await timed('requests', selectStoryRows(d, 'requests', hex, near, 101));
    await timed('spans', selectTraceSpans(d, hex, around));
    await timed('logs', selectStoryRows(d, 'logs', hex, around, 5001));
    // Unbounded scans are slow; a few are enough to compare.
    if (i < 5) {
      await timed('requestsUnbounded', selectStoryRows(d, 'requests', hex, null, 101));
      await timed('logsUnbounded', selectStoryRows(d, 'logs', hex, null, 5001));
    }
  }
  const p50 = (values: number[]) => percentile(values, 50);
  return { requests: p50(times.requests), spans: p50(times.spans), logs: p50(times.logs), requestsUnbounded: p50(times.requestsUnbounded), logsUnbounded: p50(times.logsUnbounded) };
}

async function countRowsInWindows(store: Store, story: Story): Promise<StoryFigures['rowsInWindows']> {
  const { near, around } = windowsOf(story.xrayId, story);
  const d = store.dialect;
  const count = async (query: Sql) => Number((await store.query(query))[0]?.n ?? 0);
  return {
    requests: await count(sql`SELECT count(*) AS n FROM requests WHERE time >= ${d.timestamp(near.from)} AND time < ${d.timestamp(near.to)}`),
    spans: await count(sql`SELECT count(*) AS n FROM spans WHERE start_time >= ${d.timestamp(around.from)} AND start_time < ${d.timestamp(around.to)}`),
    logs: await count(sql`SELECT count(*) AS n FROM logs WHERE timestamp >= ${d.timestamp(around.from)} AND timestamp < ${d.timestamp(around.to)}`),
  };
}
