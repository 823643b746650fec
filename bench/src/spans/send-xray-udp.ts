import { createSocket } from 'node:dgram';
import type { XrayDatagram } from './encode-xray-datagrams.ts';

export interface XrayUdpLoadOptions {
  host: string;
  port: number;
  datagrams: readonly XrayDatagram[];
  /** The paced rate, in spans (not datagrams) per second. */
  spansPerSecond: number;
  seconds: number;
}

export interface XrayUdpLoadResult {
  spansSent: number;
  datagramsSent: number;
  /** Sends the local socket refused (its errors, not loss on the way). */
  sendErrors: number;
  seconds: number;
  /** True when the run went through the datagrams more than once. */
  repeated: boolean;
}

// Sends not yet handed to the kernel, at most: the sender's own memory stays bounded.
const MAX_IN_FLIGHT = 4_096;
const TICK_MS = 2;

/**
 * Sends pre-built X-Ray datagrams over a real UDP socket at a steady rate
 * of spans per second, in small bursts every couple of milliseconds, for
 * `seconds` (and never more than `spansPerSecond × seconds` datagrams),
 * going round the datagrams again if the run outlasts them. UDP has no
 * acknowledgement: what arrived is for the receiver's counters to say.
 *
 * @example
 * const sent = await sendXrayUdp({ host: '127.0.0.1', port: 2000, datagrams, spansPerSecond: 50_000, seconds: 5 });
 */
export async function sendXrayUdp(options: XrayUdpLoadOptions): Promise<XrayUdpLoadResult> {
  const { datagrams } = options;
  const socket = createSocket(options.host.includes(':') ? 'udp6' : 'udp4');
  const result = { spansSent: 0, datagramsSent: 0, sendErrors: 0 };
  let inFlight = 0;
  const sent = (error: Error | null): void => {
    inFlight--;
    if (error) result.sendErrors++;
  };
  const start = performance.now();
  const end = start + options.seconds * 1000;
  const maxDatagrams = Math.ceil(options.spansPerSecond * options.seconds);
  for (let now = start; now < end && result.datagramsSent < maxDatagrams; now = performance.now()) {
    const due = (options.spansPerSecond * (now - start)) / 1000;
    while (result.spansSent < due && inFlight < MAX_IN_FLIGHT && result.datagramsSent < maxDatagrams) {
      const datagram = datagrams[result.datagramsSent % datagrams.length]!;
      inFlight++;
      socket.send(datagram.bytes, options.port, options.host, sent);
      result.datagramsSent++;
      result.spansSent += datagram.spans;
    }
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
  const seconds = (performance.now() - start) / 1000;
  for (let waited = 0; inFlight > 0 && waited < 5_000; waited += TICK_MS) await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return { ...result, seconds, repeated: result.datagramsSent > datagrams.length };
}
