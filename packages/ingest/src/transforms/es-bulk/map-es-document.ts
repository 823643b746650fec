import { fail, ok, type LogRecord, type Result } from '@tinsel/model';
import { normalizeLevel } from '../logs/normalize-level.ts';
import { renderMessageTemplate } from '../logs/render-message-template.ts';
import { serviceAndHost } from '../logs/service-and-host.ts';
import { DEFAULT_TRACE_ID_PROPERTIES, traceIdFromProperties } from '../logs/trace-id-from-properties.ts';
import { parseEsTimestamp } from './parse-es-timestamp.ts';
import { isPlainObject, readEsField } from './read-es-field.ts';
import { renderEsException } from './render-es-exception.ts';

/** How `mapEsDocument` reads a document. */
export interface EsDocumentOptions {
  /** Epoch microseconds for a document without `@timestamp`. */
  receivedAt: number;
  /** Property names searched for a trace id after ECS `trace.id`. */
  traceIdProperties?: readonly string[];
}

const TIME_KEYS = ['@timestamp', 'timestamp'];
const LEVEL_KEYS = ['level', 'log.level', 'severity'];
const MESSAGE_KEYS = ['message', 'msg'];
const TEMPLATE_KEYS = ['messageTemplate', 'message_template'];
// Logstash's own bookkeeping: it says nothing about the event.
const DROPPED_KEYS = ['@version'];
const SPAN_ID = /^[0-9a-f]{16}$/i;

/**
 * One Elasticsearch log document as a row of the logs table. Reads the
 * shapes log shippers write: Serilog.Sinks.Elasticsearch (`@timestamp`,
 * `level`, `messageTemplate`, `message`, `fields`, `exceptions`),
 * winston-elasticsearch (`severity`, `fields`), ECS (`log.level`,
 * `trace.id`, `span.id`, `service.name`, `host.name`, `error.*`) and Fluent
 * Bit, Vector and Logstash records (`log`, `kubernetes`, …). The properties
 * are the `fields` object's entries, then every other key not already read
 * into a column, nested values kept whole. Fails only on a time that is not
 * a date, as Elasticsearch's date mapping would.
 *
 * @example
 * mapEsDocument({ '@timestamp': '2026-11-26T04:21:00Z', level: 'Warning', message: 'slow', fields: { Ms: 900 } }, { receivedAt: 0 })
 * // ok({ timestamp: 1795666860000000, level: 'warn', message: 'slow', properties: '{"Ms":900}', … })
 */
export function mapEsDocument(doc: Record<string, unknown>, options: EsDocumentOptions): Result<LogRecord> {
  const used = new Set<string>(DROPPED_KEYS);
  const timeKey = firstPresent(doc, TIME_KEYS);
  let timestamp = options.receivedAt;
  if (timeKey !== null) {
    const parsed = parseEsTimestamp(doc[timeKey]);
    if (!parsed.ok) return fail(`failed to parse field [${timeKey}] of type [date]: ${parsed.reason}`);
    timestamp = parsed.value;
    used.add(timeKey);
  }
  const level = take(doc, LEVEL_KEYS, used);
  // Fluent Bit and Docker put the line in `log`; in ECS `log` is an object (`log.logger`), not a message.
  const messageValue = take(doc, MESSAGE_KEYS, used) ?? take(doc, ['log'], used, (v) => typeof v === 'string');
  const template = take(doc, TEMPLATE_KEYS, used, (v) => typeof v === 'string');
  const exception = renderEsException(doc);
  if (exception !== null && (exception.key !== 'error' || onlyErrorText(doc.error))) used.add(exception.key);
  const trace = ecsTrace(doc, used);
  const ecs = { service: takeString(doc, 'service.name', used), host: takeString(doc, 'host.name', used) };
  const properties = collectProperties(doc, used);
  const found = trace ?? traceIdFromProperties(properties, options.traceIdProperties ?? DEFAULT_TRACE_ID_PROPERTIES);
  const fallback = serviceAndHost(properties);
  return ok({
    timestamp,
    level: normalizeLevel(level) ?? 'info',
    message: messageOf(messageValue, template as string | undefined, properties),
    message_template: typeof template === 'string' ? template : null,
    exception: exception?.text ?? null,
    properties: Object.keys(properties).length === 0 ? null : JSON.stringify(properties),
    trace_id: found?.traceId ?? null,
    span_id: found?.spanId ?? null,
    service: ecs.service ?? fallback.service ?? stringAt(doc, 'kubernetes.container_name'),
    host: ecs.host ?? stringAt(doc, 'host.hostname') ?? fallback.host ?? stringAt(doc, 'kubernetes.pod_name'),
    source: 'es-bulk',
  });
}

function firstPresent(doc: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const key of keys) if (doc[key] !== undefined && doc[key] !== null) return key;
  return null;
}

/** The first of `keys` (dotted paths allowed) holding a usable value; its top-level key is marked used when the whole key is. */
function take(doc: Record<string, unknown>, keys: readonly string[], used: Set<string>, usable: (v: unknown) => boolean = () => true): unknown {
  for (const key of keys) {
    const value = readEsField(doc, key);
    if (value === undefined || value === null || !usable(value)) continue;
    // `log.level` inside a `log` object leaves the rest of `log` (logger, origin) in the properties.
    if (Object.hasOwn(doc, key)) used.add(key);
    return value;
  }
  return undefined;
}

function messageOf(value: unknown, template: string | undefined, properties: Record<string, unknown>): string | null {
  if (typeof value === 'string') return value.endsWith('\n') ? value.replace(/\r?\n$/, '') : value;
  if (value !== undefined) return JSON.stringify(value);
  // Serilog writes the rendered message beside its template unless told not to; render it here then.
  return template === undefined ? null : renderMessageTemplate(template, properties);
}

/** ECS `trace.id` and `span.id`; the keys are dropped from the properties when they held only the id. */
function ecsTrace(doc: Record<string, unknown>, used: Set<string>): { traceId: string; spanId: string | null } | null {
  const raw = readEsField(doc, 'trace.id');
  if (typeof raw !== 'string') return null;
  const found = traceIdFromProperties({ id: raw }, ['id']);
  if (found === null) return null;
  markIdOnly(doc, 'trace', used);
  const span = readEsField(doc, 'span.id');
  const spanId = typeof span === 'string' && SPAN_ID.test(span) ? span.toLowerCase() : found.spanId;
  if (spanId !== found.spanId) markIdOnly(doc, 'span', used);
  return { traceId: found.traceId, spanId };
}

const ERROR_TEXT_KEYS = new Set(['type', 'message', 'stack_trace']);

// An ECS `error` with more than its text (a code, an id) stays in the properties too.
function onlyErrorText(error: unknown): boolean {
  return isPlainObject(error) && Object.keys(error).every((key) => ERROR_TEXT_KEYS.has(key));
}

function markIdOnly(doc: Record<string, unknown>, key: string, used: Set<string>): void {
  used.add(`${key}.id`);
  const object = doc[key];
  if (isPlainObject(object) && Object.keys(object).length === 1 && Object.hasOwn(object, 'id')) used.add(key);
}

/** `fields` entries first (they are the event's own properties), then the other unread keys. */
function collectProperties(doc: Record<string, unknown>, used: Set<string>): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const fields = doc.fields;
  if (isPlainObject(fields)) Object.assign(properties, fields);
  for (const key of Object.keys(doc)) {
    if (used.has(key) || (key === 'fields' && isPlainObject(fields))) continue;
    if (!Object.hasOwn(properties, key)) properties[key] = doc[key];
  }
  return properties;
}

/** A string at an ECS path; a dotted top-level key holding it is read into its column and left out of the properties. */
function takeString(doc: Record<string, unknown>, path: string, used: Set<string>): string | null {
  const value = stringAt(doc, path);
  if (value !== null && doc[path] === value) used.add(path);
  return value;
}

function stringAt(doc: Record<string, unknown>, path: string): string | null {
  const value = readEsField(doc, path);
  return typeof value === 'string' && value !== '' ? value : null;
}
