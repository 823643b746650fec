import { Writable } from 'node:stream';
import { contextProperties, currentContext } from '../context/ambient.ts';
import type { LogEvent, LogLevel } from './log-event.ts';
import { renderTemplate } from './message-template.ts';

/**
 * pino's `mixin`: adds `trace_id`, `span_id`, route, tenant, user and the
 * `withContext` properties to every line written inside a request.
 *
 * @example pino({ mixin: pinoMixin })
 */
export function pinoMixin(): Record<string, unknown> {
  const ambient = currentContext();
  return ambient === undefined ? {} : contextProperties(ambient);
}

/**
 * A winston format doing the same as `pinoMixin`.
 *
 * @example winston.createLogger({ format: winston.format.combine(winstonFormat(), winston.format.json()) })
 */
export function winstonFormat(): { transform<T extends object>(info: T): T } {
  return {
    transform(info) {
      const ambient = currentContext();
      if (ambient !== undefined) Object.assign(info, contextProperties(ambient));
      return info;
    },
  };
}

const WINSTON_LEVELS: Record<string, LogLevel> = { error: 'error', warn: 'warn', info: 'info', http: 'info', verbose: 'debug', debug: 'debug', silly: 'trace' };
const WINSTON_TAKEN = new Set(['level', 'message', 'stack', 'timestamp', 'trace_id', 'span_id', '@mt']);

/** A winston transport (an object-mode stream) that ships every entry to Tinsel. */
export function winstonStream(enqueue: (event: LogEvent) => void): Writable {
  const stream = new Writable({
    objectMode: true,
    write(info: Record<string, unknown>, _encoding, callback) {
      try {
        const properties: Record<string, unknown> = {};
        for (const key of Object.keys(info)) if (!WINSTON_TAKEN.has(key)) properties[key] = info[key];
        enqueue({
          timestamp: typeof info.timestamp === 'string' ? Date.parse(info.timestamp) || Date.now() : Date.now(),
          level: WINSTON_LEVELS[String(info.level)] ?? 'info',
          message: typeof info.message === 'string' ? info.message : String(info.message),
          template: typeof info['@mt'] === 'string' ? info['@mt'] : null,
          exception: typeof info.stack === 'string' ? info.stack : null,
          traceId: typeof info.trace_id === 'string' ? info.trace_id : null,
          spanId: typeof info.span_id === 'string' ? info.span_id : null,
          properties,
        });
      } catch {
        // A line that cannot be read is dropped, never thrown into winston.
      }
      callback();
    },
  });
  // winston takes a stream as a transport when it also has `log(info, callback)`.
  return Object.assign(stream, { log: (info: unknown, callback: () => void) => stream.write(info, callback) });
}

type LogMethod = (template: string, properties?: Record<string, unknown>) => void;
/** Serilog-style logging: `log.info('Order {OrderId} failed', { OrderId })`. */
export type TemplateLogger = Record<LogLevel, LogMethod>;
type PinoLike = { [K in LogLevel]: (fields: object, message: string) => void };

/**
 * Message templates over a pino logger: the line keeps its template (`@mt`)
 * and properties as fields, and its rendered text as `msg`.
 *
 * @example
 * const log = templated(pino());
 * log.warn('Order {OrderId} failed', { OrderId: 'o-42' });
 */
export function templated(logger: PinoLike): TemplateLogger {
  const method = (level: LogLevel): LogMethod => (template, properties = {}) => {
    logger[level]({ ...properties, '@mt': template }, renderTemplate(template, properties));
  };
  return { trace: method('trace'), debug: method('debug'), info: method('info'), warn: method('warn'), error: method('error'), fatal: method('fatal') };
}
