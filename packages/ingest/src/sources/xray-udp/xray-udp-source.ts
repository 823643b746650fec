import { createSocket, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { deadLetter } from '../../pipeline/dead-letter.ts';
import type { IngestCounters } from '../../pipeline/ingest-counters.ts';
import type { SpanBatcher } from '../../pipeline/span-batcher.ts';
import { parseXrayDatagram } from '../../transforms/xray/parse-xray-datagram.ts';
import { normalizeXrayDocument } from '../../transforms/xray/normalize-xray-document.ts';

export interface XrayUdpSource {
  address: AddressInfo;
  close(): Promise<void>;
}

const PREFIX = 'tinsel_xray_udp';

/**
 * The X-Ray daemon's UDP protocol: one datagram, one `{"format":"json","version":1}`
 * header line and one segment document. Bad datagrams become dead letters
 * (numbered in arrival order) and the socket keeps serving; good ones go to
 * the batcher, since UDP has no acknowledgement to wait for.
 *
 * @example
 * const source = await startXrayUdpSource({ host: '127.0.0.1', port: 2000, batcher, counters });
 */
export async function startXrayUdpSource(options: { host: string; port: number; batcher: SpanBatcher; counters: IngestCounters; receiveBufferBytes?: number }): Promise<XrayUdpSource> {
  const { batcher, counters } = options;
  const socket: Socket = createSocket({ type: options.host.includes(':') ? 'udp6' : 'udp4', recvBufferSize: options.receiveBufferBytes ?? 8 * 1024 * 1024 });
  let sequence = 0;
  socket.on('message', (message, remote) => {
    sequence++;
    counters.add(`${PREFIX}_datagrams_total`);
    counters.add(`${PREFIX}_bytes_total`, message.length);
    const source = `xray-udp:${remote.address}`;
    const document = parseXrayDatagram(message);
    const result = document.ok ? normalizeXrayDocument(document.value, 'xray-udp') : document;
    if (result.ok) batcher.add(result.value.spans);
    else batcher.reject(deadLetter('spans', source, sequence, result.reason, message.toString('utf8')));
  });
  // A socket error (not a bad datagram) is counted; the source stays up.
  socket.on('error', () => counters.add(`${PREFIX}_socket_errors_total`));
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(options.port, options.host, () => {
      socket.off('error', reject);
      resolve();
    });
  });
  return {
    address: socket.address(),
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())).then(() => batcher.flush()),
  };
}
