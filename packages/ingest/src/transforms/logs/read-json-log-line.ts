import { fail, ok, quoteForReason, type LogRecord, type Result } from '@tinsel/model';
import type { LogDecodeOptions } from './log-decode-options.ts';
import { normalizeLevel } from './normalize-level.ts';
import { epochNumberToMicros, parseLogTime } from './parse-log-time.ts';
import { propertiesJson, setProperty } from './read-clef-event.ts';
import { serviceAndHost } from './service-and-host.ts';
import { traceIdFromProperties } from './trace-id-from-properties.ts';

// The names Node and other JSON loggers give their three core fields.
const TIME_KEYS = ['@timestamp', 'timestamp', 'time', 'ts', 'Timestamp', 'date'];
const MESSAGE_KEYS = ['msg', 'message', 'Message', 'RenderedMessage'];
const LEVEL_KEYS = ['level', 'severity', 'Level', 'levelname', 'log.level', 'lvl'];
const ERROR_KEYS = ['err', 'error', 'exception', 'Exception', 'stack'];

/**
 * Reads a plain JSON log object (pino, winston, bunyan, …) into a log row:
 * the time from `time`/`timestamp`/`@timestamp` (ISO text or an epoch
 * number in s, ms, µs or ns; the receive time when absent), the message
 * from `msg`/`message`, the level from `level`/`severity` (pino and bunyan
 * numbers, names of any logger; Information when absent). Those fields
 * leave the properties; every other field stays, nested objects whole. An
 * error's `stack` (pino's `err`, winston's `stack`) becomes the exception.
 *
 * @example
 * readJsonLogLine({ level: 30, time: 1700000000123, msg: 'hi', reqId: 7 }, { source: 'ndjson' })
 * // ok({ timestamp: 1700000000123000, level: 'info', message: 'hi', properties: '{"reqId":7}', … })
 */
export function readJsonLogLine(object: Record<string, unknown>, options: LogDecodeOptions): Result<LogRecord> {
  const properties: Record<string, unknown> = {};
  for (const key in object) setProperty(properties, key, object[key]);
  const timestamp = takeTime(properties, options.receivedAt ?? Date.now() * 1000);
  if (!timestamp.ok) return timestamp;
  const message = takeString(properties, MESSAGE_KEYS);
  const levelKey = LEVEL_KEYS.find((key) => Object.hasOwn(properties, key));
  let level = levelKey === undefined ? 'info' : normalizeLevel(properties[levelKey]);
  if (levelKey !== undefined && level !== null) delete properties[levelKey];
  level ??= 'info';
  const trace = traceIdFromProperties(properties, options.traceIdProperties);
  const { service, host } = serviceAndHost(properties);
  return ok({
    timestamp: timestamp.value,
    level,
    message,
    message_template: null,
    exception: exceptionOf(properties),
    properties: propertiesJson(properties),
    trace_id: trace?.traceId ?? null,
    span_id: trace?.spanId ?? null,
    service: service ?? (typeof properties.name === 'string' && properties.name !== '' ? properties.name : null),
    host,
    source: options.source,
  });
}

function takeTime(properties: Record<string, unknown>, receivedAt: number): Result<number> {
  for (const key of TIME_KEYS) {
    const value = properties[key];
    if (value === undefined || value === null) continue;
    const micros =
      typeof value === 'number'
        ? epochNumberToMicros(value)
        : typeof value === 'string'
          ? /^\d+(\.\d+)?$/.test(value)
            ? epochNumberToMicros(Number(value))
            : parseLogTime(value)
          : fail<number>(`must be a string or a number, got ${quoteForReason(value)}`);
    if (!micros.ok) return fail(`${key}: ${micros.reason}`);
    delete properties[key];
    return micros;
  }
  return ok(receivedAt);
}

function takeString(properties: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = properties[key];
    if (typeof value === 'string') {
      delete properties[key];
      return value;
    }
  }
  return null;
}

function exceptionOf(properties: Record<string, unknown>): string | null {
  for (const key of ERROR_KEYS) {
    const value = properties[key];
    if (typeof value === 'string' && value !== '' && (key !== 'stack' || value.includes('\n'))) return value;
    if (typeof value === 'object' && value !== null) {
      const stack = (value as Record<string, unknown>).stack;
      if (typeof stack === 'string' && stack !== '') return stack;
    }
  }
  return null;
}
