import { fail, ok, quoteForReason, type LogRecord, type Result } from '@tinsel/model';
import { isOtlpObject, otlpField } from '../otlp/otlp-field.ts';
import { readAnyValue, type AttributeValue, type Attributes } from '../otlp/read-any-value.ts';
import { isZeroId, readOtlpId } from '../otlp/read-otlp-id.ts';
import { nanosToMicros, readUnixNanos } from '../otlp/read-unix-nanos.ts';
import type { LogDecodeOptions } from './log-decode-options.ts';
import { levelFromSeverityNumber, normalizeLevel } from './normalize-level.ts';
import { propertiesJson } from './read-clef-event.ts';
import { readLogAttributes } from './read-log-attributes.ts';
import { traceIdFromProperties } from './trace-id-from-properties.ts';

/** What every log record under one resource and scope shares. */
export interface OtlpLogContext {
  resource: Attributes | null;
  scopeName: string | null;
  service: string | null;
  host: string | null;
  options: LogDecodeOptions;
  receivedAt: number;
}

/**
 * Maps one OTLP LogRecord to a log row. The time is `timeUnixNano`, else
 * `observedTimeUnixNano`, else the receive time; the level comes from
 * `severityNumber`, else `severityText`; a string body is the message, any
 * other body is kept in the properties as `body` and shown as JSON. The
 * attributes are the properties, with the resource under `resource` and
 * the scope as `otel.scope.name`; `exception.*` attributes make the
 * exception text. Bad ids or values of the wrong type reject the record.
 */
export function readOtlpLogRecord(raw: unknown, context: OtlpLogContext): Result<LogRecord> {
  if (!isOtlpObject(raw)) return fail(`log record must be an object, got ${quoteForReason(raw)}`);
  const properties: Attributes = {};
  const attributes = readLogAttributes(otlpField(raw, 'attributes'), properties);
  if (!attributes.ok) return attributes;
  const time = timeOf(raw, context.receivedAt);
  if (!time.ok) return time;
  const level = levelOf(raw);
  if (!level.ok) return level;
  const body = readAnyValue(otlpField(raw, 'body'));
  if (!body.ok) return fail(`body: ${body.reason}`);
  const ids = idsOf(raw, properties, context.options);
  if (!ids.ok) return ids;
  const eventName = otlpField(raw, 'eventName');
  if (typeof eventName === 'string' && eventName !== '') properties['event.name'] = eventName;
  if (body.value !== null && typeof body.value !== 'string') properties.body = body.value;
  if (context.scopeName !== null) properties['otel.scope.name'] = context.scopeName;
  if (context.resource !== null) properties.resource = context.resource;
  return ok({
    timestamp: time.value,
    level: level.value,
    message: body.value === null ? null : typeof body.value === 'string' ? body.value : JSON.stringify(body.value),
    message_template: null,
    exception: exceptionOf(properties),
    properties: propertiesJson(properties),
    trace_id: ids.value.traceId,
    span_id: ids.value.spanId,
    service: context.service,
    host: context.host,
    source: context.options.source,
  });
}

function timeOf(raw: Record<string, unknown>, receivedAt: number): Result<number> {
  const time = readUnixNanos(otlpField(raw, 'timeUnixNano'));
  if (!time.ok) return fail(`timeUnixNano: ${time.reason}`);
  if (time.value !== null) return ok(nanosToMicros(time.value));
  const observed = readUnixNanos(otlpField(raw, 'observedTimeUnixNano'));
  if (!observed.ok) return fail(`observedTimeUnixNano: ${observed.reason}`);
  return ok(observed.value === null ? receivedAt : nanosToMicros(observed.value));
}

function levelOf(raw: Record<string, unknown>): Result<LogRecord['level']> {
  const number = otlpField(raw, 'severityNumber');
  // Older or looser JSON senders write the enum's name: SEVERITY_NUMBER_WARN2.
  const named = typeof number === 'string' ? /^SEVERITY_NUMBER_([A-Z]+\d?)$/.exec(number) : null;
  if (named) return ok(normalizeLevel(named[1]) ?? 'info');
  if (number !== undefined && number !== null && typeof number !== 'number') return fail(`severityNumber must be an integer, got ${quoteForReason(number)}`);
  const fromNumber = typeof number === 'number' ? levelFromSeverityNumber(number) : null;
  if (fromNumber !== null) return ok(fromNumber);
  const text = otlpField(raw, 'severityText');
  return ok((typeof text === 'string' ? normalizeLevel(text) : null) ?? 'info');
}

function idsOf(raw: Record<string, unknown>, properties: Attributes, options: LogDecodeOptions): Result<{ traceId: string | null; spanId: string | null }> {
  const traceId = readOtlpId(otlpField(raw, 'traceId'), 16, 'trace id');
  if (!traceId.ok) return traceId;
  const spanId = readOtlpId(otlpField(raw, 'spanId'), 8, 'span id');
  if (!spanId.ok) return spanId;
  const span = spanId.value !== null && !isZeroId(spanId.value) ? spanId.value : null;
  if (traceId.value !== null && !isZeroId(traceId.value)) return ok({ traceId: traceId.value, spanId: span });
  const found = traceIdFromProperties(properties, options.traceIdProperties);
  return ok(found === null ? { traceId: null, spanId: span } : { traceId: found.traceId, spanId: span ?? found.spanId });
}

function exceptionOf(properties: Attributes): string | null {
  const stack = text(properties['exception.stacktrace']);
  const type = text(properties['exception.type']);
  const message = text(properties['exception.message']);
  if (stack !== null) return stack;
  if (type === null && message === null) return null;
  return [type, message].filter((part) => part !== null).join(': ');
}

function text(value: AttributeValue | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
