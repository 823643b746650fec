import { fail, ok, quoteForReason, type Result } from '@tinsel/model';
import { isOtlpObject, otlpField, otlpList } from './otlp-field.ts';
import type { OtlpEvent, OtlpLink } from './otlp-span.ts';
import { readAttributes } from './read-any-value.ts';
import { isZeroId, readOtlpId } from './read-otlp-id.ts';
import { readUnixNanos } from './read-unix-nanos.ts';

/**
 * Reads Span.events. An event with a bad timestamp or attributes fails the
 * span: keeping it half-read would hide an exception.
 *
 * @example
 * readSpanEvents({ events: [{ name: 'exception', timeUnixNano: '1' }] }) // ok([{ name: 'exception', ... }])
 */
export function readSpanEvents(span: Record<string, unknown>): Result<OtlpEvent[]> {
  const list = otlpList(span, 'events');
  if (list === null) return fail(`events must be an array, got ${quoteForReason(otlpField(span, 'events'))}`);
  const events: OtlpEvent[] = [];
  for (let i = 0; i < list.length; i++) {
    const event: unknown = list[i];
    if (!isOtlpObject(event)) return fail(`event ${i} must be an object`);
    const name = otlpField(event, 'name') ?? '';
    if (typeof name !== 'string') return fail(`event ${i} name must be a string, got ${quoteForReason(name)}`);
    const time = readUnixNanos(otlpField(event, 'timeUnixNano'));
    if (!time.ok) return fail(`event ${i} time: ${time.reason}`);
    const attributes = readAttributes(otlpField(event, 'attributes'), {});
    if (!attributes.ok) return fail(`event ${i}: ${attributes.reason}`);
    events.push({ name, timeNanos: time.value, attributes: attributes.value });
  }
  return ok(events);
}

/**
 * Reads Span.links; a link needs a valid trace and span id, like a span.
 *
 * @example
 * readSpanLinks({ links: [] }) // ok([])
 */
export function readSpanLinks(span: Record<string, unknown>): Result<OtlpLink[]> {
  const list = otlpList(span, 'links');
  if (list === null) return fail(`links must be an array, got ${quoteForReason(otlpField(span, 'links'))}`);
  const links: OtlpLink[] = [];
  for (let i = 0; i < list.length; i++) {
    const link: unknown = list[i];
    if (!isOtlpObject(link)) return fail(`link ${i} must be an object`);
    const traceId = readOtlpId(otlpField(link, 'traceId'), 16, `link ${i} trace id`);
    if (!traceId.ok) return traceId;
    const spanId = readOtlpId(otlpField(link, 'spanId'), 8, `link ${i} span id`);
    if (!spanId.ok) return spanId;
    if (traceId.value === null || isZeroId(traceId.value) || spanId.value === null || isZeroId(spanId.value)) {
      return fail(`link ${i} must have a non-zero trace id and span id`);
    }
    const attributes = readAttributes(otlpField(link, 'attributes'), {});
    if (!attributes.ok) return fail(`link ${i}: ${attributes.reason}`);
    const traceState = otlpField(link, 'traceState');
    links.push({
      traceId: traceId.value,
      spanId: spanId.value,
      traceState: typeof traceState === 'string' && traceState !== '' ? traceState : null,
      attributes: attributes.value,
    });
  }
  return ok(links);
}
