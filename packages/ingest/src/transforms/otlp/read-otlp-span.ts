import { fail, ok, quoteForReason, type Result } from '@tinsel/model';
import { isOtlpObject, otlpField } from './otlp-field.ts';
import type { OtlpSpan } from './otlp-span.ts';
import { readAttributes } from './read-any-value.ts';
import { readSpanKind, readStatusCode } from './read-otlp-enums.ts';
import { isZeroId, readOtlpId } from './read-otlp-id.ts';
import { readSpanEvents, readSpanLinks } from './read-span-events.ts';
import { readUnixNanos } from './read-unix-nanos.ts';

/**
 * Validates one decoded OTLP span (a JSON object or a protobuf message read
 * as one) into an OtlpSpan, or says why it is rejected: a trace id that is
 * not 16 non-zero bytes, a span id that is not 8 non-zero bytes, a malformed
 * parent id, no name, no start or end time, an end before the start, or a
 * field of the wrong type. An all-zero parent id is read as "no parent",
 * which is what the senders that write one mean.
 *
 * @example
 * const span = readOtlpSpan(json.resourceSpans[0].scopeSpans[0].spans[0]);
 * if (!span.ok) rejected.push({ index, reason: span.reason });
 */
export function readOtlpSpan(span: unknown): Result<OtlpSpan> {
  if (!isOtlpObject(span)) return fail(`span must be an object, got ${quoteForReason(span)}`);
  const ids = readIds(span);
  if (!ids.ok) return ids;
  const name = otlpField(span, 'name');
  if (typeof name !== 'string' || name === '') return fail(`span has no name`);
  const start = readUnixNanos(otlpField(span, 'startTimeUnixNano'));
  if (!start.ok) return fail(`start time: ${start.reason}`);
  if (start.value === null) return fail('span has no start time');
  const end = readUnixNanos(otlpField(span, 'endTimeUnixNano'));
  if (!end.ok) return fail(`end time: ${end.reason}`);
  if (end.value === null) return fail('span has no end time');
  if (end.value < start.value) return fail(`span ends (${end.value} ns) before it starts (${start.value} ns)`);
  const kind = readSpanKind(otlpField(span, 'kind'));
  if (!kind.ok) return kind;
  const status = otlpField(span, 'status') ?? {};
  if (!isOtlpObject(status)) return fail(`status must be an object, got ${quoteForReason(status)}`);
  const statusCode = readStatusCode(otlpField(status, 'code'));
  if (!statusCode.ok) return statusCode;
  const attributes = readAttributes(otlpField(span, 'attributes'), {});
  if (!attributes.ok) return attributes;
  const events = readSpanEvents(span);
  if (!events.ok) return events;
  const links = readSpanLinks(span);
  if (!links.ok) return links;
  return ok({
    ...ids.value,
    traceState: optionalString(otlpField(span, 'traceState')),
    name,
    kind: kind.value,
    startNanos: start.value,
    endNanos: end.value,
    attributes: attributes.value,
    events: events.value,
    links: links.value,
    statusCode: statusCode.value,
    statusMessage: optionalString(otlpField(status, 'message')),
    droppedAttributes: count(otlpField(span, 'droppedAttributesCount')),
    droppedEvents: count(otlpField(span, 'droppedEventsCount')),
    droppedLinks: count(otlpField(span, 'droppedLinksCount')),
  });
}

type SpanIds = Pick<OtlpSpan, 'traceId' | 'spanId' | 'parentSpanId'>;

function readIds(span: Record<string, unknown>): Result<SpanIds> {
  const traceId = readOtlpId(otlpField(span, 'traceId'), 16, 'trace id');
  if (!traceId.ok) return traceId;
  if (traceId.value === null) return fail('span has no trace id');
  if (isZeroId(traceId.value)) return fail('trace id must not be all zeros');
  const spanId = readOtlpId(otlpField(span, 'spanId'), 8, 'span id');
  if (!spanId.ok) return spanId;
  if (spanId.value === null) return fail('span has no span id');
  if (isZeroId(spanId.value)) return fail('span id must not be all zeros');
  const parent = readOtlpId(otlpField(span, 'parentSpanId'), 8, 'parent span id');
  if (!parent.ok) return parent;
  const parentSpanId = parent.value === null || isZeroId(parent.value) ? null : parent.value;
  return ok({ traceId: traceId.value, spanId: spanId.value, parentSpanId });
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

// Dropped counts are informational: a malformed one is read as 0, not a rejection.
function count(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : 0;
}
