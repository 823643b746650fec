import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AlbLogWriter, type AlbLogLayout } from './alb-log-writer.ts';
import { formatAlbLine, type AlbLogEntry } from './format-alb-line.ts';
import { extendTraceHeader } from './trace-header.ts';

/** How `startAlbProxy` is set up. */
export interface AlbProxyOptions {
  host: string;
  port: number;
  /** The target's base URL, e.g. `http://127.0.0.1:3000`. */
  target: string;
  layout: AlbLogLayout;
  /** How often gathered lines become an object (ALB: every 5 minutes). */
  flushMs: number;
}

/** A running proxy: its address, its writer, and `close` (which writes the last lines). */
export interface AlbProxy {
  url: string;
  writer: AlbLogWriter;
  flush(): Promise<string[]>;
  close(): Promise<string[]>;
}

// Hop-by-hop headers are the proxy's own business, never forwarded (RFC 9110 §7.6.1).
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

/**
 * A reverse proxy that does what an ALB does for Tinsel's purposes: adds or
 * extends `X-Amzn-Trace-Id`, sets `X-Forwarded-For/Proto/Port`, times the
 * request, target and response phases, and writes an access-log line per
 * request in ALB's format and S3 layout.
 */
export async function startAlbProxy(options: AlbProxyOptions): Promise<AlbProxy> {
  const writer = new AlbLogWriter(options.layout);
  const target = new URL(options.target);
  const server = createServer((req, res) => forward(req, res, target, options, writer));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const timer = setInterval(() => void writer.flush().catch(() => []), options.flushMs);
  timer.unref();
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`,
    writer,
    flush: () => writer.flush(),
    close: async () => {
      clearInterval(timer);
      await closeServer(server);
      return writer.flush();
    },
  };
}

function forward(req: IncomingMessage, res: ServerResponse, target: URL, options: AlbProxyOptions, writer: AlbLogWriter): void {
  const received = performance.timeOrigin + performance.now();
  const traceHeader = extendTraceHeader(firstValue(req.headers['x-amzn-trace-id']), received);
  const clientIp = req.socket.remoteAddress ?? '-';
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  headers['x-amzn-trace-id'] = traceHeader;
  headers['x-forwarded-for'] = req.headers['x-forwarded-for'] ? `${String(req.headers['x-forwarded-for'])}, ${clientIp}` : clientIp;
  headers['x-forwarded-proto'] = 'http';
  const port = req.socket.localPort ?? options.port;
  headers['x-forwarded-port'] = String(port);
  const entry: AlbLogEntry = {
    received, finished: received, lbId: lbPath(options.layout.lbId), client: `${clientIp}:${req.socket.remotePort ?? 0}`, target: null,
    requestProcessing: null, targetProcessing: null, responseProcessing: null, elbStatus: 502, targetStatus: null,
    receivedBytes: headerBytes(req), sentBytes: 0, method: req.method ?? 'GET', url: `http://${(req.headers.host ?? target.hostname).replace(/:\d+$/, '')}:${port}${req.url ?? '/'}`,
    httpVersion: req.httpVersion, userAgent: firstValue(req.headers['user-agent']) ?? null, targetGroupArn: targetGroupArn(options.layout), traceHeader, errorReason: null,
  };
  let sentToTarget = received;
  const upstream = httpRequest({ host: target.hostname, port: target.port || 80, method: req.method, path: req.url, headers });
  upstream.on('socket', (socket) => {
    const mark = (): void => {
      sentToTarget = performance.timeOrigin + performance.now();
      entry.target = `${socket.remoteAddress ?? target.hostname}:${socket.remotePort ?? target.port}`;
      entry.requestProcessing = (sentToTarget - received) / 1000;
    };
    if (socket.connecting) socket.once('connect', mark);
    else mark();
  });
  upstream.on('response', (answer) => relay(answer, res, entry, sentToTarget));
  upstream.on('error', () => {
    // As ALB does when the target cannot be reached: 502 and no target timing.
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/html' });
    res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
  });
  req.on('data', (chunk: Buffer) => (entry.receivedBytes += chunk.length));
  req.pipe(upstream);
  res.once('close', () => {
    entry.finished = performance.timeOrigin + performance.now();
    writer.add(entry.finished, formatAlbLine(entry));
  });
}

function relay(answer: IncomingMessage, res: ServerResponse, entry: AlbLogEntry, sentToTarget: number): void {
  const headersAt = performance.timeOrigin + performance.now();
  entry.targetProcessing = (headersAt - Math.max(sentToTarget, entry.received)) / 1000;
  entry.targetStatus = answer.statusCode ?? null;
  entry.elbStatus = answer.statusCode ?? 502;
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  res.writeHead(answer.statusCode ?? 502, headers);
  entry.responseProcessing = (performance.timeOrigin + performance.now() - headersAt) / 1000;
  // Status line and headers as sent, then the body as it passes.
  entry.sentBytes = Object.entries(headers).reduce((n, [name, value]) => n + name.length + String(value).length + 4, 17);
  answer.on('data', (chunk: Buffer) => (entry.sentBytes += chunk.length));
  answer.pipe(res);
}

function headerBytes(req: IncomingMessage): number {
  let bytes = `${req.method} ${req.url} HTTP/${req.httpVersion}\r\n`.length + 2;
  for (let i = 0; i < req.rawHeaders.length; i += 2) bytes += (req.rawHeaders[i]?.length ?? 0) + (req.rawHeaders[i + 1]?.length ?? 0) + 4;
  return bytes;
}

// The log line names the balancer `app/<name>/<id>`; the object key uses dots instead.
function lbPath(lbId: string): string {
  return lbId.replace(/\./g, '/');
}

function targetGroupArn(layout: AlbLogLayout): string {
  const name = layout.lbId.split('.')[1] ?? 'local';
  return `arn:aws:elasticloadbalancing:${layout.region}:${layout.accountId}:targetgroup/${name}-targets/0000000000000000`;
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
