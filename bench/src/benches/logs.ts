// `npm run bench -- logs [--seconds S] [--concurrency C] [--batch N]`: runs
// Tinsel in a child process on a new data folder and posts application logs
// in batches of N (default 1,000) over loopback, in turn as CLEF to Seq's
// endpoint, as OTLP/HTTP protobuf and as an Elasticsearch `_bulk` body
// (when the server has that route); for each: events acknowledged per
// second, p99 acknowledgement latency, and bytes on disk per event after a
// checkpoint, beside the targets. About a minute in all with the defaults.
import { option, printFigures, type Figure } from '../report.ts';
import { childCpuSeconds } from '../logs/child-cpu-seconds.ts';
import { decodeClefLines, decodeEsBulk, decodeOtlpLogs, type DecodedLogs } from '@tinsel/ingest';
import { measureLogStorage } from '../logs/measure-log-storage.ts';
import { encodeClef, encodeEsBulk, encodeOtlpLogs, type LogBody } from '../logs/encode-log-bodies.ts';
import { generateLogEvents, type SyntheticLogEvent } from '../logs/generate-log-events.ts';
import { sendLogLoad, type LogLoadOptions } from '../logs/send-log-load.ts';
import { percentile } from '../spans/percentile.ts';
import { startTinselServerProcess, type TinselServerProcess } from '../spans/tinsel-server-process.ts';

// Distinct events encoded ahead; a faster server goes round them again (repeats are stored again).
const POOL_EVENTS = 200_000;

interface Phase {
  name: string;
  encode: (events: readonly SyntheticLogEvent[]) => LogBody;
  /** Decodes a body as the server does, for the storage figure; absent when the decoder is not Tinsel's logs decoder. */
  decode?: (body: Buffer) => DecodedLogs;
  load: (server: TinselServerProcess) => Omit<LogLoadOptions, 'bodies' | 'concurrency' | 'warmupSeconds' | 'seconds'>;
}

const phases: Phase[] = [
  { name: 'CLEF over HTTP', encode: encodeClef, decode: (b) => decodeClefLines(b.toString('utf8'), { source: 'seq-clef' }), load: (s) => ({ url: `${s.addresses.api}/api/events/raw`, contentType: 'application/vnd.serilog.clef', okStatus: 201 }) },
  {
    name: 'OTLP logs (protobuf)',
    encode: encodeOtlpLogs,
    decode: (b) => {
      const decoded = decodeOtlpLogs(b, 'protobuf', { source: 'otlp' });
      return decoded.ok ? decoded.value : { records: [], rejected: [] };
    },
    load: (s) => ({ url: `${s.addresses.otlp}/v1/logs`, contentType: 'application/x-protobuf', okStatus: 200 }) },
  {
    name: 'Elasticsearch _bulk',
    encode: encodeEsBulk,
    decode: (b) => {
      const decoded = decodeEsBulk(b.toString('utf8'), { defaultIndex: null, receivedAt: Date.now() * 1000, idPrefix: 'bench' });
      return decoded.ok ? decoded.value : { records: [], rejected: [] };
    },
    load: (s) => ({ url: `${s.addresses.api}/_bulk`, contentType: 'application/x-ndjson', okStatus: 200, check: (text) => text.includes('"errors":false') }),
  },
];

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

export async function run(args: string[]): Promise<void> {
  const seconds = option(args, 'seconds', 5);
  const concurrency = option(args, 'concurrency', 4);
  const batch = option(args, 'batch', 1000);
  const events = generateLogEvents(POOL_EVENTS, 1);
  const server = await startTinselServerProcess();
  const figures: Figure[] = [];
  try {
    console.log(`Tinsel in a child process: api ${server.addresses.api}, otlp ${server.addresses.otlp}; ${count(POOL_EVENTS)} distinct events, batches of ${count(batch)}, ${concurrency} loops, ${seconds} s each after 1 s of warm-up`);
    for (const phase of phases) {
      const bodies: LogBody[] = [];
      for (let i = 0; i < events.length; i += batch) bodies.push(phase.encode(events.slice(i, i + batch)));
      await server.compact();
      const before = (await server.stats()).bytesOnDisk;
      const cpuBefore = childCpuSeconds();
      const load = await sendLogLoad({ ...phase.load(server), bodies, concurrency, warmupSeconds: 1, seconds });
      const cpuUsed = cpuBefore === null ? null : childCpuSeconds()! - cpuBefore;
      await server.compact();
      const grown = (await server.stats()).bytesOnDisk - before;
      if (load.eventsAccepted === 0) {
        console.log(`${phase.name}: nothing accepted (${load.failures} failed requests); skipped`);
        continue;
      }
      const p99 = percentile(load.latenciesMs, 99);
      // The pool written whole into a file of its own; else the load's growth, coarse when few events went in.
      const storage = phase.decode ? await measureLogStorage(bodies.map((b) => phase.decode!(b.bytes)), 'bench') : null;
      const perEvent = storage ? storage.bytesPerEvent : grown / load.eventsAccepted;
      const storedHow = storage ? `${count(storage.rows)} distinct events written apart` : `growth under load`;
      const wire = bodies.reduce((sum, b) => sum + b.bytes.length, 0) / POOL_EVENTS;
      console.log(`${phase.name}: ${count(load.requests)} requests, ${count(load.eventsAccepted)} events acknowledged, ${load.failures} failed; ${wire.toFixed(0)} bytes/event on the wire; store grew ${count(grown / 1e6)} MB`);
      if (cpuUsed !== null) console.log(`  server CPU ${cpuUsed.toFixed(1)} s: ${count(load.eventsAccepted / cpuUsed)} events per server CPU-second (all its threads; less sensitive to a busy machine than the wall-clock rate)`);
      figures.push(
        { name: `${phase.name} ingest`, measured: load.eventsPerSecond, unit: 'events/s', target: '>= 200,000', met: load.eventsPerSecond >= 200_000 && load.failures === 0 },
        { name: `${phase.name} ingest floor`, measured: load.eventsPerSecond, unit: 'events/s', target: '>= 80,000', met: load.eventsPerSecond >= 80_000 && load.failures === 0 },
        { name: `${phase.name} p99 ack`, measured: p99, unit: 'ms', target: '<= 100', met: p99 <= 100 },
        { name: `${phase.name} on disk (${storedHow})`, measured: perEvent, unit: 'bytes/event', target: '<= 60', met: perEvent <= 60 },
      );
    }
  } finally {
    await server.close().catch(() => undefined);
  }
  printFigures(`Logs: ingest over HTTP in batches of ${count(batch)}, acknowledgement latency, storage`, figures);
}
