import { createSocket, type Socket } from 'node:dgram';

/**
 * Sends X-Ray daemon datagrams: the header line `{"format":"json","version":1}`
 * then one document, as aws-xray-sdk-core does. UDP has no answer, so a
 * datagram counts as sent once the socket took it.
 */
export class UdpSender {
  private socket: Socket | null = null;

  constructor(private readonly host: string, private readonly port: number) {}

  send(documents: Array<Record<string, unknown>>): Promise<boolean> {
    const socket = this.open();
    const sends = documents.map((doc) => new Promise<boolean>((resolve) => {
      const datagram = Buffer.from(`{"format":"json","version":1}\n${JSON.stringify(doc)}`);
      socket.send(datagram, this.port, this.host, (error) => resolve(error === null || error === undefined));
    }));
    return Promise.all(sends).then((results) => results.every(Boolean));
  }

  close(): void {
    this.socket?.close();
    this.socket = null;
  }

  private open(): Socket {
    if (this.socket === null) {
      this.socket = createSocket(this.host.includes(':') ? 'udp6' : 'udp4');
      this.socket.on('error', () => {});
      this.socket.unref();
    }
    return this.socket;
  }
}
