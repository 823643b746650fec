// `npm run bench -- overload [--seconds S]`: Tinsel in a child process with
// its default limits. First the rate it sustains (CLEF batches of 1,000
// from 4 loops that wait for each answer), then senders that do not wait,
// offering 10× that rate for S seconds (default 15), then one loop again.
// Prints: the load held, the answers (201 / 503 with Retry-After), peak
// RSS, events acknowledged vs stored, and how soon the server took work
// again, beside the targets.
import { Agent, request } from 'node:http';
import { option, printFigures, type Figure } from '../report.ts';
import { encodeClef, type LogBody } from '../logs/encode-log-bodies.ts';
import { generateLogEvents } from '../logs/generate-log-events.ts';
import { startTinselServerProcess } from '../spans/tinsel-server-process.ts';

const BATCH = 1000;
const RSS_BOUND = 1024 ** 3;
const count = (n: number) => Math.round(n).toLocaleString('en-US');

interface Tally {
  acked: number;
  refused: number;
  refusedWithRetryAfter: number;
  failed: number;
  requests: number;
}

const tally = (): Tally => ({ acked: 0, refused: 0, refusedWithRetryAfter: 0, failed: 0, requests: 0 });

// Up to 512 connections: twice the server's limit on requests in flight, so it must refuse some.
const agent = new Agent({ keepAlive: true, maxSockets: 512 });

/** One POST; resolves to its status and Retry-After (status 0 when the connection failed). */
function send(url: string, body: Buffer): Promise<{ status: number; retryAfter: string | undefined }> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/vnd.serilog.clef', 'content-length': body.length } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] }));
    });
    req.on('error', () => resolve({ status: 0, retryAfter: undefined }));
    req.end(body);
  });
}

async function post(url: string, body: LogBody, into: Tally): Promise<boolean> {
  into.requests += 1;
  const { status, retryAfter } = await send(url, body.bytes);
  if (status === 201) {
    into.acked += body.events;
    return true;
  }
  if (status === 503 || status === 429) {
    into.refused += 1;
    if (retryAfter) into.refusedWithRetryAfter += 1;
  } else into.failed += 1;
  return false;
}

async function closedLoop(url: string, bodies: LogBody[], loops: number, seconds: number, into: Tally): Promise<void> {
  const end = Date.now() + seconds * 1000;
  let next = 0;
  await Promise.all(Array.from({ length: loops }, async () => {
    while (Date.now() < end) await post(url, bodies[next++ % bodies.length]!, into);
  }));
}

/** Sends `perSecond` requests a second whatever the answers, sampling the server as it goes. */
async function flood(url: string, bodies: LogBody[], perSecond: number, seconds: number, into: Tally, sample: () => Promise<void>): Promise<void> {
  const sampler = setInterval(() => void sample(), 500);
  const inFlight = new Set<Promise<unknown>>();
  const start = Date.now();
  let sent = 0;
  try {
    while (Date.now() - start < seconds * 1000) {
      const due = Math.floor(((Date.now() - start) / 1000) * perSecond);
      for (; sent < due; sent++) {
        const p: Promise<unknown> = post(url, bodies[sent % bodies.length]!, into).finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all(inFlight);
  } finally {
    clearInterval(sampler);
  }
}

export async function run(args: string[]): Promise<void> {
  const seconds = option(args, 'seconds', 15);
  const events = generateLogEvents(100_000, 7);
  const bodies = Array.from({ length: events.length / BATCH }, (_, i) => encodeClef(events.slice(i * BATCH, (i + 1) * BATCH)));
  const server = await startTinselServerProcess();
  const url = `${server.addresses.api}/api/events/raw`;
  let peakRss = 0;
  let peakInflight = 0;
  const sample = async () => {
    const text = await fetch(`${server.addresses.api}/metrics`).then((r) => r.text(), () => '');
    const value = (name: string) => Number(text.split('\n').find((l) => l.startsWith(`${name} `))?.split(' ')[1] ?? 0);
    peakRss = Math.max(peakRss, value('process_resident_memory_bytes'));
    peakInflight = Math.max(peakInflight, value('tinsel_ingest_inflight_requests'));
  };
  try {
    const sustained = tally();
    const t0 = Date.now();
    await closedLoop(url, bodies, 4, 8, sustained);
    const rate = sustained.acked / ((Date.now() - t0) / 1000);
    console.log(`sustained: ${count(rate)} events/s with 4 loops waiting for each answer`);

    const overload = tally();
    const t1 = Date.now();
    await flood(url, bodies, (10 * rate) / BATCH, seconds, overload, sample);
    const overloadSeconds = (Date.now() - t1) / 1000;
    const offered = (overload.requests * BATCH) / seconds;
    console.log(`senders that do not wait, for ${seconds} s: ${count(offered)} events/s offered (${(offered / rate).toFixed(1)}× the sustained rate), ${count(overload.requests)} requests, ${count(overload.acked / BATCH)} acknowledged, ${count(overload.refused)} refused, ${count(overload.failed)} failed`);

    const recovery = tally();
    const t2 = Date.now();
    let recoveredMs = -1;
    const end = Date.now() + 5000;
    while (Date.now() < end) {
      if ((await post(url, bodies[0]!, recovery)) && recoveredMs < 0) recoveredMs = Date.now() - t2;
    }
    const stats = (await (await fetch(`${server.addresses.api}/api/stats`)).json()) as { rows: { logs: number } };
    const acked = sustained.acked + overload.acked + recovery.acked;
    const { maxRssBytes } = await server.close();
    peakRss = Math.max(peakRss, maxRssBytes);
    const figures: Figure[] = [
      { name: 'offered, times the sustained rate', measured: offered / rate, unit: '×', target: '≥ 10×', met: offered / rate >= 9.95 },
      { name: 'load held under it (acknowledged)', measured: overload.acked / overloadSeconds, unit: 'events/s', target: `> 0 (sustained ${count(rate)})`, met: overload.acked > 0 },
      { name: 'refusals with Retry-After', measured: overload.refused === 0 ? 0 : (100 * overload.refusedWithRetryAfter) / overload.refused, unit: '%', target: '100%', met: overload.refused > 0 && overload.refusedWithRetryAfter === overload.refused },
      { name: 'requests failed otherwise (reset, 5xx)', measured: overload.failed + recovery.failed, unit: 'requests', target: '0', met: overload.failed + recovery.failed === 0 },
      { name: 'peak RSS of the server', measured: peakRss / 1024 ** 2, unit: 'MB', target: `≤ ${RSS_BOUND / 1024 ** 2} MB`, met: peakRss <= RSS_BOUND },
      { name: 'peak ingest requests in flight', measured: peakInflight, unit: 'requests', target: '≤ 128 (limit)', met: peakInflight <= 128 },
      { name: 'acknowledged events missing from the store', measured: acked - stats.rows.logs, unit: 'events', target: '0', met: acked === stats.rows.logs },
      { name: 'first acknowledgement after the overload', measured: recoveredMs, unit: 'ms', target: '≤ 5,000 ms', met: recoveredMs >= 0 && recoveredMs <= 5000 },
    ];
    printFigures(`Overload: CLEF batches of ${BATCH}, 10× the sustained rate for ${seconds} s (${count(acked)} events acknowledged, ${count(stats.rows.logs)} stored)`, figures);
  } catch (error) {
    await server.close().catch(() => undefined);
    throw error;
  }
}
