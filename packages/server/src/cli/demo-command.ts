import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatDescribeInstances, formatTenantsCsv, incidentCycle, LiveRun, LiveSender, parseDuration, Simulator } from '@tinsel/simulator';
import { startListeners } from '../start-listeners.ts';
import { openTinsel, type Tinsel } from '../open-tinsel.ts';
import { parseCommand } from './common-options.ts';
import { DemoStoryLinks } from './demo-story-links.ts';
import { ensureWebUi } from './ensure-web-ui.ts';
import { logEvent } from './serve-command.ts';
import { numberFlag, simulatorFlags, simulatorOptionsOf } from './simulator-flags.ts';

const DAY_MS = 86_400_000;
/** describe-instances is written this far ahead, so a replacement is known before its first request. */
const LOOKAHEAD_MS = 600_000;

/**
 * `tinsel demo` (what `npm start` runs): Tinsel on the embedded store plus a
 * simulated estate sending live traffic through the real protocols, with an
 * incident every few minutes. The first start backfills recent history; a
 * restart carries on from where the last run stopped (a ledger entry holds
 * the next second to simulate), so nothing is sent twice.
 */
export async function runDemo(args: string[]): Promise<number> {
  const { config, values } = parseCommand(args, { ...simulatorFlags, backfill: { type: 'string' }, 'incident-every': { type: 'string' } });
  const now = Date.now();
  const backfillMs = durationFlag(values.backfill, '15m', 'backfill');
  const periodMs = durationFlag(values['incident-every'], '4m', 'incident-every');
  const seed = numberFlag(values, 'seed', 1);
  const script = incidentCycle(now - backfillMs - 3_600_000, now + DAY_MS, periodMs);
  const withRate = { ...values, rate: values.rate ?? '20' };
  const sim = new Simulator(simulatorOptionsOf(withRate, now, Math.floor(now / DAY_MS) * DAY_MS - 7 * DAY_MS, script));
  const enrichmentDir = join(resolve(config.dataDir), 'simulator');
  const instancesFile = writeEnrichment(sim, enrichmentDir, now);
  const merged = { ...config, enrichment: { tenants: { file: 'tenants.csv' }, instances: { file: 'instances.json' } }, baseDir: enrichmentDir };
  const ui = await ensureWebUi(logEvent);
  const tinsel = await openTinsel(merged, logEvent);
  const listeners = await startListeners(merged, tinsel, logEvent);
  const api = listeners.addresses.api!;
  // A demo on a server with keys configured sends with TINSEL_KEY (an ingest key).
  const key = process.env.TINSEL_KEY;
  const sender = await LiveSender.open({ api, xrayUdp: listeners.addresses.xrayUdp ?? null, ...(key ? { key } : {}) });
  const ledgerKey = `simulator:demo:seed-${seed}`;
  const resumeAt = Number((await tinsel.store.findIngestedFile(ledgerKey))?.contentTag ?? 0);
  const links = new DemoStoryLinks();
  const run = new LiveRun(sim, sender, Math.max(resumeAt, Math.floor((now - backfillMs) / 1000)), (sent) => links.consider(sent));
  const backfillFrom = run.nextSecond;
  run.plan(now);
  await saveProgress(tinsel, ledgerKey, run);
  const backfill = await run.flush(now, true);
  printBanner({ api, ui, dataDir: config.dataDir, seed, periodMs, backfillSeconds: Math.floor(now / 1000) - backfillFrom, resumed: resumeAt > 0, backfill, clef: sender.clefAvailable });
  printLinks(links.take(api));

  let stopping = false;
  const stopped = new Promise<void>((done) => {
    const stop = () => {
      stopping = true;
      done();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  const live = (async () => {
    let announced = '';
    while (!stopping) {
      await Promise.race([stopped, new Promise((wake) => setTimeout(wake, 1000 - (Date.now() % 1000) + 50))]);
      if (stopping) break;
      const tick = Date.now();
      try {
        run.plan(tick);
        await saveProgress(tinsel, ledgerKey, run);
        await run.flush(tick);
        announced = announceIncident(sim, tick, announced);
        printLinks(links.take(api));
        if (tick % 60_000 < 1000) writeInstances(sim, instancesFile, tick);
      } catch (error) {
        logEvent({ level: 'warn', msg: 'demo traffic could not be sent', error: (error as Error).message });
      }
    }
  })();
  await stopped;
  await live;
  sender.close();
  logEvent({ msg: 'Tinsel is stopping', sent: run.totals });
  await listeners.close();
  await tinsel.close();
  return 0;
}

function durationFlag(raw: unknown, fallback: string, name: string): number {
  const text = typeof raw === 'string' ? raw : fallback;
  const ms = parseDuration(text);
  if (ms === null) throw new Error(`--${name}: expected a duration such as 90s, 15m or 1h, got "${text}"`);
  return ms;
}

/** The next second to simulate is recorded before its requests are sent: a crash loses a second, never repeats one. */
async function saveProgress(tinsel: Tinsel, key: string, run: LiveRun): Promise<void> {
  await tinsel.store.recordIngestedFile({ key, size: 0, sha256: '', contentTag: String(run.nextSecond), rows: run.totals.requests, deadLetters: 0, status: 'partial', ingestedAt: new Date().toISOString() });
}

function writeEnrichment(sim: Simulator, dir: string, now: number): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'tenants.csv'), formatTenantsCsv(sim.estate));
  const file = join(dir, 'instances.json');
  writeInstances(sim, file, now);
  return file;
}

/** Rewrites describe-instances only when it changed, so the enricher reloads only then. */
function writeInstances(sim: Simulator, file: string, now: number): void {
  const text = formatDescribeInstances(sim.estate, sim.timeline.instances, now + LOOKAHEAD_MS);
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // First start: nothing to compare with.
  }
  if (text !== current) writeFileSync(file, text);
}

function announceIncident(sim: Simulator, now: number, announced: string): string {
  const incident = sim.incidents.find((i) => i.start <= now && now < Math.max(i.end, i.start + 1000));
  if (incident === undefined) return announced;
  const key = `${incident.kind}@${incident.start}`;
  if (key === announced) return announced;
  const target = incident.kind === 'db-overload' ? incident.dbServer : incident.kind === 'client-disconnects' ? 'search and checkout' : `instance ${sim.timeline.at(incident.slot, incident.start).instanceId}`;
  process.stdout.write(`incident: ${incident.kind} on ${target}${incident.end > incident.start ? ` until ${new Date(incident.end).toISOString().slice(11, 19)}Z` : ''}\n`);
  return key;
}

interface Banner {
  api: string;
  ui: boolean;
  dataDir: string;
  seed: number;
  periodMs: number;
  backfillSeconds: number;
  resumed: boolean;
  backfill: { requests: number; segments: number; logs: number };
  clef: boolean;
}

function printBanner(b: Banner): void {
  const minutes = Math.round(b.backfillSeconds / 60);
  const history = `${b.resumed ? 'resumed; caught up' : 'backfilled'} ${minutes} min: ${b.backfill.requests.toLocaleString('en-US')} requests, ${b.backfill.segments.toLocaleString('en-US')} segments, ${b.backfill.logs.toLocaleString('en-US')} log events`;
  process.stdout.write(
    `Tinsel demo: a simulated shop estate (seed ${b.seed}) sending live traffic\n\n` +
      `  UI/API      ${b.api}\n` +
      `  web UI      ${b.ui ? `${b.api}/search` : 'not built (npm run build -w @tinsel/web)'}\n` +
      `  data        ${b.dataDir} (kept between runs)\n` +
      `  history     ${history}\n` +
      `  incidents   one every ${Math.round(b.periodMs / 60_000)} min: degraded host, bad deploy, db overload, target timeouts, client disconnects, instance recycle\n` +
      (b.clef ? '' : '  logs        not sent: this server has no Seq endpoint\n') +
      `\nRequests worth a look (their ALB row, spans and logs share one trace id):\n`,
  );
}

function printLinks(lines: string[]): void {
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
}
