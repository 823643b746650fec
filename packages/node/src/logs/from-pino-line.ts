import type { LogEvent, LogLevel } from './log-event.ts';

const PINO_LEVELS: Array<[number, LogLevel]> = [[60, 'fatal'], [50, 'error'], [40, 'warn'], [30, 'info'], [20, 'debug'], [0, 'trace']];
const TAKEN = new Set(['time', 'level', 'msg', 'err', 'trace_id', 'span_id', '@mt', 'v', '@t', '@l', '@m', '@x', '@tr', '@sp']);

/**
 * A pino JSON line as a log event: `time`, `level`, `msg`, `err.stack`,
 * the `trace_id`/`span_id` the mixin added, and `@mt` when the line came
 * from a message template. Null for a line that is not a JSON object.
 */
export function fromPinoLine(line: string): LogEvent | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const o = parsed as Record<string, unknown>;
  const properties: Record<string, unknown> = {};
  for (const key in o) if (!TAKEN.has(key)) properties[key] = o[key];
  const err = o.err as { stack?: unknown } | undefined;
  // Lines written with pinoClefOptions carry CLEF's names instead of pino's.
  return {
    timestamp: typeof o.time === 'number' ? o.time : typeof o['@t'] === 'string' ? Date.parse(o['@t']) || Date.now() : Date.now(),
    level: levelOf(o.level ?? o['@l']),
    message: text(o.msg) ?? text(o['@m']) ?? '',
    template: text(o['@mt']) ?? null,
    exception: err !== undefined && typeof err.stack === 'string' ? err.stack : text(o['@x']) ?? null,
    traceId: text(o.trace_id) ?? text(o['@tr']) ?? null,
    spanId: text(o.span_id) ?? text(o['@sp']) ?? null,
    properties: err === undefined ? properties : { ...properties, err },
  };
}

function levelOf(level: unknown): LogLevel {
  if (typeof level !== 'number') return typeof level === 'string' && ['trace', 'debug', 'info', 'warn', 'error', 'fatal'].includes(level) ? (level as LogLevel) : 'info';
  for (const [threshold, name] of PINO_LEVELS) if (level >= threshold) return name;
  return 'trace';
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
