import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { LiveRun, LiveSender, parseDuration, Simulator, writeDatasetInParallel, writeEnrichment } from '@tinsel/simulator';
import { numberFlag, simulatorFlags, simulatorOptionsOf, timeFlag } from './simulator-flags.ts';

const DAY_MS = 86_400_000;

/**
 * `tinsel simulate`: the simulated estate as files (`--out DIR`) or as live
 * traffic sent to a running Tinsel (`--live`).
 */
export async function runSimulate(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { ...simulatorFlags, out: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, duration: { type: 'string' }, 'gzip-level': { type: 'string' }, workers: { type: 'string' }, live: { type: 'boolean' }, server: { type: 'string' }, key: { type: 'string' }, 'xray-udp': { type: 'string' }, enrichment: { type: 'string' } },
    strict: true,
  });
  const now = Date.now();
  const duration = values.duration === undefined ? null : parseDuration(values.duration);
  if (values.duration !== undefined && duration === null) throw new Error(`--duration: expected 90s, 10m, 1h…, got "${values.duration}"`);
  if (values.live === true) return simulateLive(values, now, duration);
  if (values.out === undefined) throw new Error('usage: tinsel simulate --out DIR [--from T] [--to T | --duration D] … or tinsel simulate --live [--server URL] …');
  const to = timeFlag(values, 'to', values.from !== undefined && duration !== null ? timeFlag(values, 'from', now, now) + duration : now, now);
  const from = timeFlag(values, 'from', to - (duration ?? 3_600_000), now);
  if (!(from < to)) throw new Error('--from must be before --to');
  const options = simulatorOptionsOf(values, from, Math.floor(from / DAY_MS) * DAY_MS - 7 * DAY_MS);
  const sim = new Simulator(options);
  const began = performance.now();
  const workers = Math.max(1, Math.round(numberFlag(values, 'workers', availableParallelism())));
  const summary = await writeDatasetInParallel(options, { outDir: values.out, from, to, gzipLevel: Math.round(numberFlag(values, 'gzip-level', 6)) }, workers);
  const seconds = (performance.now() - began) / 1000;
  const n = (value: number) => value.toLocaleString('en-US');
  // The speed goes to stderr: stdout is the same on every run of the same flags.
  process.stderr.write(`${n(Math.round(summary.records / seconds))} records/s\n`);
  process.stdout.write(
    `wrote ${n(summary.requests)} requests, ${n(summary.segments)} segments, ${n(summary.logs)} log events, ${summary.albFiles} ALB objects to ${values.out}\n` +
      `ingest with: tinsel ingest alb ${values.out}/AWSLogs --config ${values.out}/tinsel.yaml\n`,
  );
  for (const incident of sim.incidents) process.stdout.write(`incident ${describeIncident(incident)}\n`);
  return 0;
}

async function simulateLive(values: Record<string, string | boolean | string[] | undefined>, now: number, duration: number | null): Promise<number> {
  const sim = new Simulator(simulatorOptionsOf(values, now, Math.floor(now / DAY_MS) * DAY_MS - 7 * DAY_MS));
  if (typeof values.enrichment === 'string') writeEnrichment(sim, values.enrichment, now + DAY_MS);
  const xray = values['xray-udp'] === 'none' ? null : ((values['xray-udp'] as string | undefined) ?? '127.0.0.1:2000');
  // An ingest key for a server that asks for one: --key, else TINSEL_KEY.
  const key = (values.key as string | undefined) ?? process.env.TINSEL_KEY;
  const sender = await LiveSender.open({ api: (values.server as string | undefined) ?? 'http://127.0.0.1:5170', xrayUdp: xray, ...(key ? { key } : {}) });
  if (!sender.clefAvailable) process.stderr.write('the server has no Seq endpoint (POST /api/events/raw): logs are not sent\n');
  const run = new LiveRun(sim, sender, Math.floor(now / 1000));
  const stopAt = duration === null ? Infinity : now + duration;
  let stopping = false;
  const stop = () => (stopping = true);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  while (!stopping && Date.now() < stopAt) {
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));
    await run.tick(Date.now());
    process.stderr.write(`\rsent ${run.totals.requests} requests, ${run.totals.segments} segments, ${run.totals.logs} log events`);
  }
  process.stderr.write('\n');
  sender.close();
  return 0;
}

function describeIncident(incident: Simulator['incidents'][number]): string {
  const target = incident.kind === 'db-overload' ? incident.dbServer : incident.kind === 'client-disconnects' ? 'impatient routes' : `slot ${incident.slot}`;
  return `${incident.kind.padEnd(18)} ${new Date(incident.start).toISOString()} → ${new Date(incident.end).toISOString()}  ${target}`;
}
