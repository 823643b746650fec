import { buildXrayDatagrams } from './build-xray-datagrams.ts';
import { rateBetween, recordCounter } from './record-counter.ts';
import { sendXrayUdp, type XrayUdpLoadResult } from './send-xray-udp.ts';
import type { TinselServerProcess } from './tinsel-server-process.ts';
import { waitForQuietCounters } from './wait-for-quiet-counters.ts';

// Datagrams built ahead (about 1.4 kB for 3.2 spans): a longer run goes round them again.
const POOL_SPANS = 300_000;
const PREFIX = 'tinsel_xray_udp';
const KEYS = ['datagrams', 'spans_stored', 'spans_dropped', 'dead_letters'].map((name) => `${PREFIX}_${name}_total`);

export interface XrayUdpIngestFigures extends XrayUdpLoadResult {
  /**
   * Spans stored per second from the first second of sending to its end.
   * Both ends lag the datagrams by about the same flush delay, so the
   * delay cancels out; a stall anywhere in between counts.
   */
  storedPerSecond: number;
  datagramsReceived: number;
  spansStored: number;
  /** Spans the batcher dropped (its queue was full, or a write failed). */
  spansDropped: number;
  deadLetters: number;
  /** 1 - stored / sent: every loss, at the socket or in the server. */
  dropRate: number;
  /** From the last datagram sent to the last span stored. */
  drainSeconds: number;
}

/**
 * X-Ray daemon-protocol ingest over a real UDP socket: datagrams paced at
 * `spansPerSecond` for `seconds`, the stored-span counter sampled every
 * 100 ms while they go, then a wait until the batcher has flushed, so that
 * every loss is counted — at the socket (datagrams received < sent) or in
 * the server.
 *
 * @example
 * const udp = await measureXrayUdpIngest(server, { spansPerSecond: 50_000, seconds: 10, seed: 2 });
 */
export async function measureXrayUdpIngest(server: TinselServerProcess, options: { spansPerSecond: number; seconds: number; seed: number }): Promise<XrayUdpIngestFigures> {
  const datagrams = buildXrayDatagrams(Math.min(POOL_SPANS, options.spansPerSecond * options.seconds), options.seed);
  const [host, port] = splitHostPort(server.addresses.xrayUdp);
  const before = await server.counters();
  const start = performance.now();
  const sending = sendXrayUdp({ host, port, datagrams, spansPerSecond: options.spansPerSecond, seconds: options.seconds });
  const timeline = recordCounter(() => server.counters(), KEYS[1]!, 100, sending, Math.ceil(options.seconds * 20) + 100);
  const sent = await sending;
  const samples = await timeline;
  const sendEnd = start + sent.seconds * 1000;
  const quiet = await waitForQuietCounters(() => server.counters(), KEYS, 1_000, 120_000);
  const delta = (key: string): number => (quiet.counters[key] ?? 0) - (before[key] ?? 0);
  const spansStored = delta(KEYS[1]!);
  // A run of two seconds or less has no steady part: the whole run, drain included.
  const steady = sent.seconds > 2 ? rateBetween(samples, start + 1_000, sendEnd) : null;
  return {
    ...sent,
    storedPerSecond: steady ?? (spansStored * 1000) / (quiet.lastChangeAt - start),
    datagramsReceived: delta(KEYS[0]!),
    spansStored,
    spansDropped: delta(KEYS[2]!),
    deadLetters: delta(KEYS[3]!),
    dropRate: sent.spansSent === 0 ? 0 : 1 - spansStored / sent.spansSent,
    drainSeconds: Math.max(0, (quiet.lastChangeAt - sendEnd) / 1000),
  };
}

function splitHostPort(address: string): [string, number] {
  const colon = address.lastIndexOf(':');
  return [address.slice(0, colon).replace(/^\[|\]$/g, ''), Number(address.slice(colon + 1))];
}
