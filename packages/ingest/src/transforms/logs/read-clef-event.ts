import { fail, ok, parseAnyTraceId, quoteForReason, type LogRecord, type Result } from '@tinsel/model';
import type { LogDecodeOptions } from './log-decode-options.ts';
import { normalizeLevel } from './normalize-level.ts';
import { parseLogTime } from './parse-log-time.ts';
import { renderMessageTemplate } from './render-message-template.ts';
import { serviceAndHost } from './service-and-host.ts';
import { traceIdFromProperties } from './trace-id-from-properties.ts';

/** CLEF's reified fields of one event, before they become a row. */
interface Reified {
  t?: unknown;
  m?: unknown;
  mt?: unknown;
  l?: unknown;
  x?: unknown;
  r?: unknown;
  tr?: unknown;
  sp?: unknown;
}

const SPAN_ID = /^[0-9a-f]{16}$/i;
const HEX32 = /^[0-9a-f]{32}$/i;
const ZEROS = /^0+$/;

/**
 * Reads one CLEF event (already parsed from its JSON line) into a log row.
 * `@t` is required and must be a real ISO-8601 instant; `@l` absent or null
 * is Information; `@m` wins over rendering `@mt` (with `@r` when given);
 * `@tr`/`@sp` give the trace, else the trace-id properties do. User
 * properties are kept whole (a leading `@@` loses one `@`); `@i` and
 * reified fields Tinsel has no column for (`@ra`, `@st`, …) stay in the
 * properties under their own names. Wrong types fail with the field named.
 *
 * @example
 * readClefEvent({ '@t': '2016-06-07T03:44:57.8532799Z', '@mt': 'Hello, {User}', User: 'nblumhardt' }, { source: 'seq-clef' })
 * // ok({ timestamp: 1465271097853279, level: 'info', message: 'Hello, "nblumhardt"', message_template: 'Hello, {User}', … })
 */
export function readClefEvent(event: unknown, options: LogDecodeOptions): Result<LogRecord> {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return fail(`the event must be a JSON object, got ${quoteForReason(event)}`);
  const reified: Reified = {};
  const properties: Record<string, unknown> = {};
  for (const key in event) {
    const value = (event as Record<string, unknown>)[key];
    if (key.charCodeAt(0) !== 64 /* @ */) setProperty(properties, key, value);
    else if (key.charCodeAt(1) === 64) setProperty(properties, key.slice(1), value);
    else if (!takeReified(reified, key, value)) setProperty(properties, key, value);
  }
  return buildRow(reified, properties, options);
}

function takeReified(reified: Reified, key: string, value: unknown): boolean {
  switch (key) {
    case '@t': reified.t = value; return true;
    case '@m': reified.m = value; return true;
    case '@mt': reified.mt = value; return true;
    case '@l': reified.l = value; return true;
    case '@x': reified.x = value; return true;
    case '@r': reified.r = value; return true;
    case '@tr': reified.tr = value; return true;
    case '@sp': reified.sp = value; return true;
    default: return false;
  }
}

function buildRow(reified: Reified, properties: Record<string, unknown>, options: LogDecodeOptions): Result<LogRecord> {
  if (reified.t === undefined || reified.t === null) return fail('the event has no @t timestamp');
  if (typeof reified.t !== 'string') return fail(`@t must be an ISO-8601 string, got ${quoteForReason(reified.t)}`);
  const timestamp = parseLogTime(reified.t);
  if (!timestamp.ok) return fail(`@t: ${timestamp.reason}`);
  for (const field of ['m', 'mt', 'x', 'l', 'tr', 'sp'] as const) {
    const value = reified[field];
    if (value !== undefined && value !== null && typeof value !== 'string') return fail(`@${field} must be a string, got ${quoteForReason(value)}`);
  }
  if (reified.r !== undefined && reified.r !== null && !Array.isArray(reified.r)) return fail(`@r must be an array, got ${quoteForReason(reified.r)}`);
  const level = levelOf(reified.l as string | null | undefined, properties);
  const trace = traceOf(reified, properties, options);
  const template = typeof reified.mt === 'string' ? reified.mt : null;
  const message = typeof reified.m === 'string' ? reified.m : template === null ? null : renderMessageTemplate(template, properties, reified.r as unknown[] | undefined);
  const { service, host } = contextOf(properties);
  return ok({
    timestamp: timestamp.value,
    level,
    message,
    message_template: template,
    exception: typeof reified.x === 'string' ? reified.x : null,
    properties: propertiesJson(properties),
    trace_id: trace.traceId,
    span_id: trace.spanId,
    service,
    host,
    source: options.source,
  });
}

/** Service and host from the properties, else from OTel-derived resource attributes (`@ra`). */
function contextOf(properties: Record<string, unknown>): { service: string | null; host: string | null } {
  const found = serviceAndHost(properties);
  const resource = properties['@ra'];
  if ((found.service !== null && found.host !== null) || typeof resource !== 'object' || resource === null) return found;
  const fromResource = serviceAndHost(resource as Record<string, unknown>);
  return { service: found.service ?? fromResource.service, host: found.host ?? fromResource.host };
}

function levelOf(text: string | null | undefined, properties: Record<string, unknown>): LogRecord['level'] {
  if (text === undefined || text === null || text === '') return 'info';
  const level = normalizeLevel(text);
  if (level !== null) return level;
  // A level Tinsel has no name for is searchable as written.
  setProperty(properties, '@l', text);
  return 'info';
}

function traceOf(reified: Reified, properties: Record<string, unknown>, options: LogDecodeOptions): { traceId: string | null; spanId: string | null } {
  const span = typeof reified.sp === 'string' && SPAN_ID.test(reified.sp) ? reified.sp.toLowerCase() : null;
  if (typeof reified.sp === 'string' && span === null) setProperty(properties, '@sp', reified.sp);
  if (typeof reified.tr === 'string' && reified.tr !== '') {
    // The form Serilog writes, checked without the general parser's regular expressions.
    if (HEX32.test(reified.tr) && !ZEROS.test(reified.tr)) return { traceId: reified.tr.toLowerCase(), spanId: span };
    const parsed = parseAnyTraceId(reified.tr);
    if (parsed.ok) return { traceId: parsed.value.traceId, spanId: span };
    setProperty(properties, '@tr', reified.tr);
  }
  const found = traceIdFromProperties(properties, options.traceIdProperties);
  if (found !== null) return { traceId: found.traceId, spanId: span ?? found.spanId };
  return { traceId: null, spanId: span };
}

/** Properties as JSON text, null when there are none. */
export function propertiesJson(properties: Record<string, unknown>): string | null {
  // One key is enough to know the object is not empty, without listing them all.
  for (const key in properties) if (key !== undefined) return JSON.stringify(properties);
  return null;
}

/** Sets a property as data: a key named `__proto__` must not reach the prototype. */
export function setProperty(properties: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(properties, key, { value, enumerable: true, writable: true, configurable: true });
  else properties[key] = value;
}
