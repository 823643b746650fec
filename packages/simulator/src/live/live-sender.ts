import { createSocket, type Socket } from 'node:dgram';
import type { SimulatedRequest } from '../simulator.ts';

/** Where live traffic goes: Tinsel's API and, optionally, its X-Ray daemon port. */
export interface LiveTargets {
  /** Base URL of the API, e.g. `http://127.0.0.1:5170`. */
  api: string;
  /** `host:port` of the X-Ray daemon UDP listener; null sends segments through PutTraceSegments instead. */
  xrayUdp: string | null;
  /** An API key with the ingest scope, for a server that asks for one (sent as a Bearer token). */
  key?: string;
}

/** What one send delivered. */
export interface SentCounts {
  requests: number;
  segments: number;
  logs: number;
}

const XRAY_HEADER = '{"format":"json","version":1}\n';
/** PutTraceSegments takes at most 50 documents per call. */
const XRAY_API_BATCH = 50;
const LINES_PER_POST = 5_000;

/**
 * Sends simulated requests through the real protocols: ALB lines to
 * `POST /api/ingest/alb`, segments as X-Ray daemon datagrams (or
 * PutTraceSegments), logs as CLEF to the Seq endpoint
 * `POST /api/events/raw?clef`. The Seq endpoint is probed first (an empty
 * CLEF post answers 201 where it exists); without it logs are not sent and
 * `clefAvailable` says so.
 *
 * @example
 * const sender = await LiveSender.open({ api: 'http://127.0.0.1:5170', xrayUdp: '127.0.0.1:2000' });
 * await sender.send(sim.requests(Math.floor(Date.now() / 1000) - 1));
 * sender.close();
 */
export class LiveSender {
  private socket: Socket | null = null;

  private constructor(private readonly targets: LiveTargets, readonly clefAvailable: boolean) {
    if (targets.xrayUdp !== null) this.socket = createSocket(targets.xrayUdp.startsWith('[') ? 'udp6' : 'udp4');
  }

  static async open(targets: LiveTargets): Promise<LiveSender> {
    const probe = await fetch(`${targets.api}/api/events/raw?clef`, { method: 'POST', headers: { 'content-type': 'application/vnd.serilog.clef', ...authorization(targets) }, body: '' }).catch(() => null);
    return new LiveSender(targets, probe !== null && probe.status === 201);
  }

  /** Sends a batch; `viaApi` forces segments through PutTraceSegments (reliable for large backfills). */
  async send(requests: readonly SimulatedRequest[], viaApi = false): Promise<SentCounts> {
    const counts: SentCounts = { requests: requests.length, segments: 0, logs: 0 };
    for (let i = 0; i < requests.length; i += LINES_PER_POST) {
      const body = requests.slice(i, i + LINES_PER_POST).map((r) => r.albLine).join('\n');
      await this.post('/api/ingest/alb', 'text/plain', `${body}\n`, { 'x-tinsel-source': 'simulator' });
    }
    const segments = requests.flatMap((r) => (r.segment === null ? [] : [r.segment]));
    counts.segments = segments.length;
    if (this.socket === null || viaApi) {
      for (let i = 0; i < segments.length; i += XRAY_API_BATCH) {
        await this.post('/TraceSegments', 'application/json', JSON.stringify({ TraceSegmentDocuments: segments.slice(i, i + XRAY_API_BATCH) }));
      }
    } else {
      for (const segment of segments) await this.datagram(`${XRAY_HEADER}${segment}`);
    }
    if (this.clefAvailable) {
      const logs = requests.flatMap((r) => r.logs);
      counts.logs = logs.length;
      for (let i = 0; i < logs.length; i += LINES_PER_POST) {
        await this.post('/api/events/raw?clef', 'application/vnd.serilog.clef', `${logs.slice(i, i + LINES_PER_POST).join('\n')}\n`);
      }
    }
    return counts;
  }

  close(): void {
    this.socket?.close();
    this.socket = null;
  }

  private async post(path: string, contentType: string, body: string, headers: Record<string, string> = {}): Promise<void> {
    const response = await fetch(`${this.targets.api}${path}`, { method: 'POST', headers: { 'content-type': contentType, ...authorization(this.targets), ...headers }, body });
    if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
    await response.arrayBuffer();
  }

  private datagram(message: string): Promise<void> {
    const target = this.targets.xrayUdp!;
    const colon = target.lastIndexOf(':');
    const host = target.slice(0, colon).replace(/^\[|\]$/g, '');
    const port = Number(target.slice(colon + 1));
    return new Promise((resolve, reject) => this.socket!.send(message, port, host, (error) => (error ? reject(error) : resolve())));
  }
}

function authorization(targets: LiveTargets): Record<string, string> {
  return targets.key ? { authorization: `Bearer ${targets.key}` } : {};
}
