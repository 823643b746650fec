import { SeededRandom } from '../alb/seeded-random.ts';
import { encodeXrayDatagrams, type XrayDatagram } from './encode-xray-datagrams.ts';
import { generateTrace } from './generate-trace.ts';

/**
 * About `spans` spans as X-Ray daemon datagrams (one segment with its
 * subsegments each), traces starting over the last minute: built before
 * any timing starts, so that the sender only sends.
 *
 * @example
 * const datagrams = buildXrayDatagrams(250_000, 2);
 */
export function buildXrayDatagrams(spans: number, seed: number): XrayDatagram[] {
  const random = new SeededRandom(seed);
  const datagrams: XrayDatagram[] = [];
  const start = Date.now() * 1000 - 60_000_000;
  let built = 0;
  for (let trace = 0; built < spans; trace++) {
    for (const datagram of encodeXrayDatagrams(generateTrace(random, start + trace * 250))) {
      datagrams.push(datagram);
      built += datagram.spans;
    }
  }
  return datagrams;
}
