import { canonicalToXray } from '@tinsel/model';
import { loadStory, runTql, searchTraces, serviceCalls, remoteCalls, loadBalancerCalls, type Story } from '@tinsel/query';
import type { ResultRow, Store } from '@tinsel/store';
import { percentile } from '../spans/percentile.ts';
import { BACKEND_DATASET_DAY_MICROS, BACKEND_DATASET_START_MICROS, BACKEND_RARE_TOKEN, statusOf, traceIdOf } from './backend-dataset.ts';

/** One timed query: what it is, and how to run it on a store (returning its rows). */
export interface BackendQuery {
  label: string;
  run(store: Store): Promise<ResultRow[]>;
}

/** Timings of one query on one store, and a digest of its answer to compare stores by. */
export interface QueryTiming {
  p50: number;
  p99: number;
  runs: number;
  answer: string;
  /** The answer without sampling estimates (the service map's p50_ms, p95_ms, p99_ms). */
  exactAnswer: string;
  problem: string | null;
}

const from = BACKEND_DATASET_START_MICROS;
const to = BACKEND_DATASET_START_MICROS + BACKEND_DATASET_DAY_MICROS;

function tql(signal: 'requests' | 'spans' | 'logs', text: string): BackendQuery {
  return {
    label: `${signal}: ${text}`,
    async run(store) {
      const answer = await runTql(store, text, { signal, from, to, limit: 100 });
      if (!answer.ok) throw new Error(JSON.stringify(answer));
      return [...answer.value.rows, { scanned: answer.value.scanned, total: answer.value.total }];
    },
  };
}

/** The queries both stores run: TQL as POST /api/query runs it, then the trace search and the service map's joins. */
export const backendQueries: BackendQuery[] = [
  tql('requests', 'status:>=500 | stats count() by app_version'),
  tql('requests', 'tenant:tenant-7 AND path:/api/checkout*'),
  tql('requests', '| stats p50(target_duration), p99(target_duration), count() by tenant'),
  tql('requests', '| timechart 1h count() by status'),
  tql('spans', 'status:fault | stats count() by name'),
  tql('logs', 'level:error'),
  tql('logs', BACKEND_RARE_TOKEN),
  { label: 'trace search: service web, status fault, newest 50', run: (s) => s.query(searchTraces(s.dialect, { from, to, service: 'web', status: 'fault', limit: 50 })) },
  { label: 'service map: calls between services', run: (s) => s.query(serviceCalls(s.dialect, from, to)) },
  { label: 'service map: calls to remote things', run: (s) => s.query(remoteCalls(s.dialect, from, to)) },
  { label: 'service map: load balancer calls', run: (s) => s.query(loadBalancerCalls(s.dialect, from, to)) },
];

/** Runs `query` once to warm up, then `runs` times; nearest-rank p50 and p99 of the timed runs. */
export async function timeQuery(store: Store, query: BackendQuery, runs: number): Promise<QueryTiming> {
  const millis: number[] = [];
  let answer = '';
  let exactAnswer = '';
  try {
    const rows = await query.run(store);
    answer = digest(rows);
    exactAnswer = digest(rows.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => !/^p\d+_ms$/.test(key)))));
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await query.run(store);
      millis.push(performance.now() - started);
    }
  } catch (error) {
    return { p50: NaN, p99: NaN, runs: millis.length, answer, exactAnswer, problem: firstLine(error) };
  }
  return { p50: percentile(millis, 50), p99: percentile(millis, 99), runs, answer, exactAnswer, problem: null };
}

/** Rows in a canonical order with numbers rounded, so that two engines' answers compare (ties and float noise aside). */
function digest(rows: ResultRow[]): string {
  const round = (v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(6)) : v);
  const canonical = rows.map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, round(r[k])])));
  return canonical.sort().join('\n');
}

function firstLine(error: unknown): string {
  const cause = (error as { cause?: unknown })?.cause;
  const text = error instanceof Error ? `${error.message}${cause instanceof Error ? `: ${cause.message}` : ''}` : String(error);
  return text.split('\n')[0]!.slice(0, 200);
}

/** Story lookups by X-Ray id: timings, and how many came back without the generator's shape. */
export interface StoryTiming extends QueryTiming {
  wrong: number;
}

/** `lookups` request indexes spread over the day, the same for every store. */
export function storySample(requests: number, lookups: number): number[] {
  return Array.from({ length: lookups }, (_, k) => Math.floor(((k + 0.37) * requests) / lookups) % requests);
}

/** Times loadStory, the story route's own call, for each sampled request after a warm-up of 10. */
export async function timeStories(store: Store, requests: number, sample: number[]): Promise<StoryTiming> {
  const xray = (i: number) => {
    const id = canonicalToXray(traceIdOf(i, requests));
    return id.ok ? id.value : traceIdOf(i, requests);
  };
  for (const i of sample.slice(0, 10)) await loadStory(store, xray(i));
  const millis: number[] = [];
  let wrong = 0;
  const answers: string[] = [];
  for (const i of sample) {
    const started = performance.now();
    const story = await loadStory(store, xray(i));
    millis.push(performance.now() - started);
    if (!story.ok || story.value === null || !plausible(story.value, i)) wrong++;
    else answers.push(`${story.value.traceId} ${story.value.spans.length} ${story.value.logs.length} ${story.value.classification.kind}`);
  }
  const answer = answers.join('\n');
  return { p50: percentile(millis, 50), p99: percentile(millis, 99), runs: millis.length, answer, exactAnswer: answer, problem: null, wrong };
}

/** The generator's shape: one ALB record; 0, 2 or 3 spans; three log lines unless the request died at the load balancer. */
function plausible(story: Story, i: number): boolean {
  const died = statusOf(i) === 502;
  const spans = died || i % 2 === 1 ? 0 : i % 5 === 2 ? 3 : 2;
  return story.requests.length === 1 && story.spans.length === spans && story.logs.length === (died ? 0 : 3);
}
