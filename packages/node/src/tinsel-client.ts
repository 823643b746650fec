import { ExceptionCapture } from './errors/exception-capture.ts';
import { LocalsCapture } from './errors/locals-capture.ts';
import { instrumentHttpClient } from './instrument/http-client.ts';
import { instrumentUndici } from './instrument/undici-client.ts';
import { fromPinoLine } from './logs/from-pino-line.ts';
import { toClefLine, toOtlpLogs, type LogEvent } from './logs/log-event.ts';
import { winstonStream } from './logs/logger-integrations.ts';
import { expressMiddleware, fastifyPlugin, wrapHttpHandler } from './middleware/frameworks.ts';
import { tenantFromHost, type ServerTracing } from './middleware/server-request.ts';
import { DEFAULT_SAMPLING_RULE, Sampler } from './sampling/sampler.ts';
import { toOtlpTraces } from './spans/otlp-json.ts';
import type { SpanRecord } from './spans/span.ts';
import { Tracer } from './spans/tracer.ts';
import { toXrayDocument } from './spans/xray-document.ts';
import { BatchShipper, type ShipperStats } from './transport/batch-shipper.ts';
import { LineShipper } from './transport/line-shipper.ts';
import { postBody } from './transport/post-body.ts';
import { UdpSender } from './transport/udp-sender.ts';
import type { TinselOptions } from './tinsel-options.ts';

/** What the SDK has sent and dropped, per signal, and the exceptions it captured. */
export interface TinselStats {
  spans: ShipperStats;
  logs: ShipperStats;
  exceptions: { captured: number; rateLimited: number };
}

type LogItem = string | LogEvent;

/**
 * One SDK instance: middleware, logger hooks, exception capture and the
 * shippers behind them. Create it with `initTinsel`.
 */
export class TinselClient {
  readonly tracing: ServerTracing;
  private readonly spanShipper: BatchShipper<SpanRecord>;
  private readonly logShipper: BatchShipper<LogItem>;
  /** CLEF lines as pino wrote them, sent as they are; null unless logs go as CLEF. */
  private readonly clefLines: LineShipper | null;
  private readonly exceptions: ExceptionCapture;
  private readonly locals: LocalsCapture | null;
  private readonly undo: Array<() => void> = [];

  constructor(readonly options: TinselOptions) {
    const queue = { capacity: options.queue?.capacity ?? 10_000, batchSize: options.queue?.batchSize ?? 500, intervalMs: options.queue?.intervalMs ?? 1000 };
    this.spanShipper = new BatchShipper(this.spanSender(), queue);
    this.logShipper = new BatchShipper(this.logSender(), queue);
    this.clefLines = this.clefLineShipper(queue.intervalMs, options.queue?.capacityBytes ?? 8 * 1024 * 1024);
    const tracer = new Tracer((span) => this.spanShipper.enqueue(span));
    this.tracing = { tracer, sampler: new Sampler(options.sampling ?? DEFAULT_SAMPLING_RULE), tenantOf: options.tenant ?? tenantFromHost, userOf: options.user ?? (() => null) };
    this.locals = options.captureLocals ? new LocalsCapture() : null;
    this.exceptions = new ExceptionCapture((event) => this.logShipper.enqueue(event), this.locals);
    if (options.instrumentOutgoing !== false) this.undo.push(instrumentHttpClient(tracer), instrumentUndici(tracer));
    if (options.handleUncaught) {
      // The monitor event records without changing what the process does next.
      const onUncaught = (error: Error): void => void this.exceptions.capture(error, { uncaught: true });
      process.on('uncaughtExceptionMonitor', onUncaught);
      this.undo.push(() => process.off('uncaughtExceptionMonitor', onUncaught));
    }
  }

  /** Express middleware; `app.use(tinsel.express())` before the routes. */
  express(): ReturnType<typeof expressMiddleware> {
    return expressMiddleware(this.tracing);
  }

  /** Fastify plugin; `app.register(tinsel.fastify())`. */
  fastify(): ReturnType<typeof fastifyPlugin> {
    return fastifyPlugin(this.tracing);
  }

  /** A plain node:http handler run inside each request's context. */
  wrapHandler(handler: Parameters<typeof wrapHttpHandler>[1]): ReturnType<typeof wrapHttpHandler> {
    return wrapHttpHandler(this.tracing, handler);
  }

  /**
   * A pino destination that ships every line to Tinsel, and writes it to
   * `next` too when given (`pino(opts, tinsel.pinoStream(process.stdout))`),
   * which costs less than `pino.multistream`.
   */
  pinoStream(next?: { write(line: string): unknown }): { write(line: string): void } {
    const clef = this.clefLines;
    const ship = (line: string): void => {
      // pinoClefOptions lines begin `{"@l":`; anything else is converted when sent.
      if (clef !== null && line.charCodeAt(2) === 64) clef.enqueue(line.endsWith('\n') ? line.slice(0, -1) : line);
      else this.logShipper.enqueue(line);
    };
    if (next === undefined) return { write: ship };
    return {
      write: (line) => {
        next.write(line);
        ship(line);
      },
    };
  }

  /** A winston transport that ships every entry to Tinsel. */
  winstonTransport(): ReturnType<typeof winstonStream> {
    return winstonStream((event) => this.logShipper.enqueue(event));
  }

  /** Records an exception with its ambient context (and locals, when enabled). Never throws. */
  captureException(error: unknown, extra?: Record<string, unknown>): void {
    this.exceptions.capture(error, extra);
  }

  stats(): TinselStats {
    return { spans: this.spanShipper.stats(), logs: addStats(this.logShipper.stats(), this.clefLines?.stats()), exceptions: { captured: this.exceptions.captured, rateLimited: this.exceptions.rateLimited } };
  }

  /** Sends what is queued (bounded by `timeoutMs`). */
  async flush(timeoutMs = 2000): Promise<void> {
    await Promise.all([this.spanShipper.flush(timeoutMs), this.logShipper.flush(timeoutMs), this.clefLines?.flush(timeoutMs)]);
  }

  /** Flushes, then removes every hook the SDK installed. */
  async shutdown(timeoutMs = 2000): Promise<void> {
    await Promise.all([this.spanShipper.close(timeoutMs), this.logShipper.close(timeoutMs), this.clefLines?.close(timeoutMs)]);
    for (const undo of this.undo.splice(0)) undo();
    this.locals?.close();
  }

  private spanSender(): (batch: SpanRecord[]) => Promise<boolean> {
    const { service, endpoint, spans = endpoint ? 'otlp' : 'none' } = this.options;
    if (spans === 'xray-udp') {
      const [host = '127.0.0.1', port = '2000'] = (this.options.xrayDaemon ?? '127.0.0.1:2000').split(/:(?=\d+$)/);
      const udp = new UdpSender(host, Number(port));
      this.undo.push(() => udp.close());
      return (batch) => udp.send(batch.map((span) => toXrayDocument(span, service)));
    }
    if (spans === 'none' || !endpoint) return () => Promise.resolve(true);
    return (batch) => postBody(`${endpoint}/v1/traces`, JSON.stringify(toOtlpTraces(batch, service)), 'application/json');
  }

  private clefLineShipper(intervalMs: number, capacityBytes: number): LineShipper | null {
    const { endpoint, logs = endpoint ? 'clef' : 'none' } = this.options;
    if (logs !== 'clef' || !endpoint) return null;
    const url = `${endpoint}/api/events/raw?clef`;
    return new LineShipper((body) => postBody(url, body, 'application/vnd.serilog.clef'), { capacityBytes, chunkBytes: 256 * 1024, intervalMs });
  }

  private logSender(): (batch: LogItem[]) => Promise<boolean> {
    const { service, endpoint, logs = endpoint ? 'clef' : 'none' } = this.options;
    if (logs === 'none' || !endpoint) return () => Promise.resolve(true);
    const events = (batch: LogItem[]): LogEvent[] => batch.map((item) => (typeof item === 'string' ? fromPinoLine(item) : item)).filter((e): e is LogEvent => e !== null).map((e) => withService(e, service));
    if (logs === 'otlp') return (batch) => postBody(`${endpoint}/v1/logs`, JSON.stringify(toOtlpLogs(events(batch), service)), 'application/json');
    // Lines pino wrote with pinoClefOptions are CLEF already and go as written; the rest are converted.
    const clefLine = (item: LogItem): string | null => {
      if (typeof item !== 'string') return toClefLine(withService(item, service));
      if (item.charCodeAt(2) === 64) return item.trimEnd();
      const event = fromPinoLine(item);
      return event === null ? null : toClefLine(withService(event, service));
    };
    return (batch) => postBody(`${endpoint}/api/events/raw?clef`, batch.map(clefLine).filter((line) => line !== null).join('\n'), 'application/vnd.serilog.clef');
  }
}

function withService(event: LogEvent, service: string): LogEvent {
  return 'service' in event.properties ? event : { ...event, properties: { ...event.properties, service } };
}

function addStats(a: ShipperStats, b: ShipperStats | undefined): ShipperStats {
  if (b === undefined) return a;
  return { queued: a.queued + b.queued, sent: a.sent + b.sent, droppedQueueFull: a.droppedQueueFull + b.droppedQueueFull, droppedSendFailed: a.droppedSendFailed + b.droppedSendFailed };
}
