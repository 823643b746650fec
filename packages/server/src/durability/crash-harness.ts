import { SeededRandom } from '@tinsel/simulator';
import { createDuckDbStore } from '@tinsel/store-duckdb';
import { sql, type Store } from '@tinsel/store';
import { awsDocExampleLines } from '../test-support.ts';
import { albSender, esSender, otlpSender, seqSender, xraySender, type SendLedger, type Sender } from './crash-senders.ts';
import { ServerProcess, freePorts } from './server-process.ts';

export interface CrashTestOptions {
  /** SIGKILLs to deliver. */
  kills: number;
  dataDir: string;
  /** How long the server runs between a start and its kill, drawn at random in this range (ms). */
  runMs?: [number, number];
  /** Seed of the kill times, so a failing run can be repeated. */
  seed?: number;
  log?: (line: string) => void;
}

/** One signal's outcome: what was acknowledged, and how it was found in the store. */
export interface SignalOutcome {
  signal: string;
  acked: number;
  unacked: number;
  batches: { acked: number; failed: number };
  /** Acknowledged, but not in the store. */
  lost: string[];
  /** In the store more than once (acknowledged or not). */
  duplicated: string[];
  /** Sent without acknowledgement and stored anyway (the answer was lost with the server). */
  unackedStored: number;
}

export interface CrashReport {
  kills: number;
  seed: number;
  signals: SignalOutcome[];
  /** UDP has no acknowledgement: what was sent, and what reached the store. */
  xrayUdp: { sent: number; stored: number };
  elapsedMs: number;
}

const ALB_LINES_PER_FILE = 100;

/**
 * The crash test: real clients send every signal without pause while the
 * server is killed with SIGKILL at random moments and started again, then
 * the store is read and every event is accounted for. Acknowledged means
 * stored: none may be missing, and none may be stored twice.
 */
export async function runCrashTest(options: CrashTestOptions): Promise<CrashReport> {
  const started = Date.now();
  const seed = options.seed ?? Date.now() % 100_000;
  const random = new SeededRandom(seed);
  const [minRun, maxRun] = options.runMs ?? [400, 2500];
  const server = new ServerProcess(options.dataDir, await freePorts());
  await server.start();
  const template = awsDocExampleLines()[0]!;
  const albLines = (file: number) => Array.from({ length: ALB_LINES_PER_FILE }, (_, i) => template.replace(/Root=1-[0-9a-f]{8}-[0-9a-f]{24}/, `Root=1-6a000000-${(file * ALB_LINES_PER_FILE + i).toString(16).padStart(24, '0')}`));
  const xray = xraySender(server);
  const senders: Sender[] = [esSender(server), seqSender(server), otlpSender(server), albSender(server, albLines), xray];
  try {
    for (let kill = 1; kill <= options.kills; kill++) {
      await new Promise((resolve) => setTimeout(resolve, minRun + random.next() * (maxRun - minRun)));
      await server.kill();
      options.log?.(`kill ${kill}/${options.kills}: ${senders.map((s) => `${s.ledger.signal} ${s.ledger.acked.size}`).join(', ')}`);
      await server.start();
    }
    // A last stretch on a server left running, so every sender gets through at least once more.
    await new Promise((resolve) => setTimeout(resolve, 1500));
  } finally {
    for (const sender of senders) await sender.stop();
    await server.stop();
  }
  const store = await createDuckDbStore({ dataDir: options.dataDir });
  try {
    const signals = [
      outcome(senders[0]!.ledger, await countBy(store, sql`SELECT message AS id, count(*) AS n FROM logs WHERE message LIKE ${'crash-es-%'} GROUP BY message`)),
      outcome(senders[1]!.ledger, await countBy(store, sql`SELECT message AS id, count(*) AS n FROM logs WHERE message LIKE ${'crash-seq-%'} GROUP BY message`)),
      outcome(senders[2]!.ledger, await countBy(store, sql`SELECT name AS id, count(*) AS n FROM spans WHERE name LIKE ${'crash-otlp-%'} GROUP BY name`)),
      albOutcome(senders[3]!.ledger, await countBy(store, sql`SELECT source AS id, count(*) AS n FROM requests WHERE source LIKE ${'%crash%'} GROUP BY source`)),
    ];
    const [udp] = await store.query(sql`SELECT count(*) AS n FROM spans WHERE service LIKE ${'crash-xray-%'} OR name LIKE ${'crash-xray-%'}`);
    return { kills: options.kills, seed, signals, xrayUdp: { sent: xray.sent(), stored: Number(udp?.n ?? 0) }, elapsedMs: Date.now() - started };
  } finally {
    await store.close();
  }
}

async function countBy(store: Store, query: ReturnType<typeof sql>): Promise<Map<string, number>> {
  return new Map((await store.query(query)).map((row) => [String(row.id), Number(row.n)]));
}

function outcome(ledger: SendLedger, stored: Map<string, number>): SignalOutcome {
  return {
    signal: ledger.signal,
    acked: ledger.acked.size,
    unacked: ledger.unacked.size,
    batches: ledger.batches,
    lost: [...ledger.acked].filter((id) => !stored.has(id)),
    duplicated: [...stored].filter(([, n]) => n > 1).map(([id]) => id),
    unackedStored: [...ledger.unacked].filter((id) => stored.has(id)).length,
  };
}

/** A file is acknowledged whole: all its lines stored once, counted by the file's key. */
function albOutcome(ledger: SendLedger, rowsByFile: Map<string, number>): SignalOutcome {
  const rowsOf = (key: string) => [...rowsByFile].find(([source]) => source.endsWith(key))?.[1] ?? 0;
  return {
    signal: ledger.signal,
    acked: ledger.acked.size,
    unacked: ledger.unacked.size,
    batches: ledger.batches,
    lost: [...ledger.acked].filter((key) => rowsOf(key) < ALB_LINES_PER_FILE),
    duplicated: [...ledger.acked].filter((key) => rowsOf(key) > ALB_LINES_PER_FILE),
    unackedStored: [...ledger.unacked].filter((key) => rowsOf(key) > 0).length,
  };
}
