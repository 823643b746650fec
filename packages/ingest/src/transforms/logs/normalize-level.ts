/** Tinsel's six log levels, lowest first. */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** Every level, lowest first. */
export const LOG_LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

// Names written by Serilog (full and abbreviated, as seqcli maps them),
// pino/bunyan, winston (npm and syslog sets), log4j/NLog/Python and OTel's
// severity text. Matched case-insensitively.
const BY_NAME: ReadonlyMap<string, LogLevel> = new Map(Object.entries({
  t: 'trace', tr: 'trace', trc: 'trace', trce: 'trace', trace: 'trace', v: 'trace', ver: 'trace', vrb: 'trace', verb: 'trace', verbose: 'trace',
  silly: 'trace', finest: 'trace', finer: 'trace',
  d: 'debug', de: 'debug', dbg: 'debug', deb: 'debug', dbug: 'debug', debu: 'debug', debug: 'debug', fine: 'debug', http: 'debug',
  i: 'info', in: 'info', inf: 'info', info: 'info', information: 'info', notice: 'info', config: 'info', log: 'info',
  w: 'warn', wa: 'warn', war: 'warn', wrn: 'warn', warn: 'warn', warning: 'warn',
  e: 'error', er: 'error', err: 'error', erro: 'error', eror: 'error', error: 'error', severe: 'error',
  f: 'fatal', fa: 'fatal', ftl: 'fatal', fat: 'fatal', fatl: 'fatal', fatal: 'fatal', c: 'fatal', cr: 'fatal', crt: 'fatal', cri: 'fatal', crit: 'fatal',
  critical: 'fatal', alert: 'fatal', emerg: 'fatal', emergency: 'fatal', panic: 'fatal',
} satisfies Record<string, LogLevel>));

/**
 * The level an OTel `severityNumber` (1–24) falls in: 1–4 trace, 5–8 debug,
 * 9–12 info, 13–16 warn, 17–20 error, 21–24 fatal; null outside that range.
 *
 * @example
 * levelFromSeverityNumber(17) // 'error'
 */
export function levelFromSeverityNumber(n: number): LogLevel | null {
  if (!Number.isInteger(n) || n < 1 || n > 24) return null;
  return LOG_LEVELS[Math.floor((n - 1) / 4)] ?? null;
}

/**
 * Reads a level as any common logger writes it: Serilog names
 * (`Information`, `WRN`), pino/bunyan numbers (10 trace … 60 fatal),
 * winston names (`silly`, `http`, `verbose`), syslog names (`crit`,
 * `emerg`), OTel severity text (`WARN2`) and severity numbers. Numbers that
 * are multiples of 10 read as pino/bunyan, any other 1–24 as OTel. Null when
 * the value names no level (the caller picks the default).
 *
 * @example
 * normalizeLevel('Warning') // 'warn'
 * normalizeLevel(50)        // 'error' (pino)
 * normalizeLevel(17)        // 'error' (OTel severity number)
 */
export function normalizeLevel(value: unknown): LogLevel | null {
  if (typeof value === 'number') return levelFromNumber(value);
  if (typeof value !== 'string') return null;
  const text = value.trim().toLowerCase();
  const named = BY_NAME.get(text);
  if (named !== undefined) return named;
  if (/^\d+$/.test(text)) return levelFromNumber(Number(text));
  // OTel severity text carries a rank digit: INFO2, WARN4.
  const ranked = /^([a-z]+)[1-4]$/.exec(text);
  return ranked ? (BY_NAME.get(ranked[1] ?? '') ?? null) : null;
}

function levelFromNumber(n: number): LogLevel | null {
  if (!Number.isFinite(n) || n < 1) return null;
  if (n % 10 === 0 || n > 24) {
    // pino and bunyan: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal (custom levels in between round down).
    const rank = Math.min(Math.floor(n / 10), 6);
    return LOG_LEVELS[rank - 1] ?? null;
  }
  return levelFromSeverityNumber(n);
}
