// `npm run bench -- spans [--spans N] [--seconds S] [--udp-rate R] [--udp-seconds S]
// [--lookups L] [--hours H] [--concurrency C]`: runs Tinsel in a child
// process on a new data folder and measures, in turn, OTLP/HTTP protobuf
// ingest, X-Ray UDP ingest and its drops, trace lookup latency over HTTP
// once the store holds N spans, and bytes on disk per span after a
// checkpoint; each figure beside its target. N defaults to the targets'
// 10,000,000 (about five minutes in all on the 2-core development machine);
// the load appends generated rows in the server process, so the ingest
// phases' peak RSS is taken before it.
import { median, option, printFigures, type Figure } from '../report.ts';
import { measureOtlpIngest, type OtlpIngestFigures } from '../spans/measure-otlp-ingest.ts';
import { measureTraceLookups, type TraceLookupFigures } from '../spans/measure-trace-lookups.ts';
import { measureXrayUdpIngest, type XrayUdpIngestFigures } from '../spans/measure-xray-udp-ingest.ts';
import { startTinselServerProcess } from '../spans/tinsel-server-process.ts';

// The N the lookup and storage targets are set for.
const TARGET_SPANS = 10_000_000;

const count = (n: number): string => Math.round(n).toLocaleString('en-US');
const since = (started: number): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;

export async function run(args: string[]): Promise<void> {
  const totalSpans = option(args, 'spans', TARGET_SPANS);
  const seconds = option(args, 'seconds', 10);
  const udpRate = option(args, 'udp-rate', 50_000);
  const udpSeconds = option(args, 'udp-seconds', 10);
  const lookups = option(args, 'lookups', 500);
  const hours = option(args, 'hours', 24);
  const concurrency = option(args, 'concurrency', 4);
  const started = performance.now();
  const server = await startTinselServerProcess();
  try {
    console.log(`Tinsel in a child process: api ${server.addresses.api}, otlp ${server.addresses.otlp}, xray udp ${server.addresses.xrayUdp}`);
    const otlp = await measureOtlpIngest(server, { seconds, concurrency, seed: 1 });
    describeOtlp(otlp, concurrency);
    const udp = await measureXrayUdpIngest(server, { spansPerSecond: udpRate, seconds: udpSeconds, seed: 2 });
    describeUdp(udp, udpRate);
    const ingestRss = (await server.stats()).maxRssBytes;
    const loading = performance.now();
    console.log(`loading the store up to ${count(totalSpans)} spans…`);
    const lookup = await measureTraceLookups(server, {
      totalSpans,
      hours,
      lookups,
      seed: 3,
      onLoaded: (load) => console.log(`  ${count(load.spans)} spans (${count(load.traces)} traces) generated and appended in ${load.seconds.toFixed(1)} s (${count(load.spans / load.seconds)} spans/s)`),
    });
    describeLookups(lookup, totalSpans, hours);
    console.log(`  load, checkpoint and lookups: ${since(loading)}`);
    const peakRss = (await server.close()).maxRssBytes;
    console.log(`server peak RSS ${count(peakRss / 1e6)} MB overall, the in-process load included; done in ${since(started)}`);
    report(otlp, udp, lookup, udpRate, ingestRss);
  } catch (error) {
    await server.close().catch(() => undefined);
    throw error;
  }
}

function describeOtlp(otlp: OtlpIngestFigures, concurrency: number): void {
  console.log(`OTLP/HTTP protobuf: ${count(otlp.requests)} requests from ${concurrency} loops, ${count(otlp.spansAccepted)} spans acknowledged, ${otlp.failures} failed`);
  console.log(`  windows: ${otlp.windowRates.map((r) => count(r)).join(', ')} spans/s; server counted ${count(otlp.counted)} spans`);
  console.log(`  bodies: ${count(otlp.poolSpans)} spans pre-encoded (${(otlp.poolBytes / otlp.poolSpans).toFixed(0)} bytes/span)${otlp.repeated ? ', sent more than once (repeats are stored again)' : ''}`);
}

function describeUdp(udp: XrayUdpIngestFigures, rate: number): void {
  console.log(`X-Ray UDP: ${count(udp.spansSent)} spans in ${count(udp.datagramsSent)} datagrams over ${udp.seconds.toFixed(1)} s (paced at ${count(rate)} spans/s)`);
  console.log(`  received ${count(udp.datagramsReceived)} datagrams (${count(udp.datagramsSent - udp.datagramsReceived)} lost at the socket), stored ${count(udp.spansStored)} spans, batcher dropped ${count(udp.spansDropped)}, dead letters ${udp.deadLetters}, send errors ${udp.sendErrors}`);
  console.log(`  stored ${count(udp.storedPerSecond)} spans/s from the first second of sending to its end; last span stored ${udp.drainSeconds.toFixed(2)} s after the last datagram${udp.repeated ? '; datagrams sent more than once (repeats are stored again)' : ''}`);
}

function describeLookups(lookup: TraceLookupFigures, totalSpans: number, hours: number): void {
  const note = totalSpans < TARGET_SPANS ? ` — fewer than the ${count(TARGET_SPANS)} the targets assume (--spans ${TARGET_SPANS} for the full figure)` : '';
  console.log(`store: ${count(lookup.spanRows)} span rows${note}; loaded by appending generated rows (as the OTLP path stores them) straight to the spans table, spread over the last ${hours} h; checkpoint ${lookup.compactSeconds.toFixed(1)} s`);
  console.log(`lookups: ${lookup.millis.length} × GET /api/traces/<X-Ray id>, one at a time; ${lookup.wrong} wrong${lookup.firstWrong ? ` (first: ${lookup.firstWrong})` : ''}; median ${median(lookup.millis).toFixed(1)} ms, max ${Math.max(...lookup.millis).toFixed(1)} ms`);
}

function report(otlp: OtlpIngestFigures, udp: XrayUdpIngestFigures, lookup: TraceLookupFigures, udpRate: number, ingestRss: number): void {
  const bytesPerSpan = lookup.bytesOnDisk / lookup.spanRows;
  const dropPercent = udp.dropRate * 100;
  const figures: Figure[] = [
    { name: 'OTLP protobuf ingest', measured: otlp.spansPerSecond, unit: 'spans/s', target: '>= 100,000', met: otlp.spansPerSecond >= 100_000 && otlp.failures === 0 },
    { name: `X-Ray UDP ingest (offered ${count(udpRate)}/s)`, measured: udp.storedPerSecond, unit: 'spans/s', target: '>= 50,000', met: udp.storedPerSecond >= 50_000 },
    { name: 'X-Ray UDP drops', measured: dropPercent, unit: '%', target: '< 0.1%', met: dropPercent < 0.1 },
    { name: `trace lookup p50 (${count(lookup.spanRows)} spans)`, measured: lookup.p50, unit: 'ms', target: '<= 10', met: lookup.p50 <= 10 && lookup.wrong === 0 },
    { name: `trace lookup p99 (${count(lookup.spanRows)} spans)`, measured: lookup.p99, unit: 'ms', target: '<= 50', met: lookup.p99 <= 50 && lookup.wrong === 0 },
    { name: 'on disk per span', measured: bytesPerSpan, unit: 'bytes', target: '<= 80', met: bytesPerSpan <= 80 },
    { name: 'server peak RSS, ingest', measured: ingestRss / 1e6, unit: 'MB', target: '(follows)', met: true },
  ];
  printFigures('Spans: ingest, lookup and storage', figures);
}
