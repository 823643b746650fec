import { fail, ok, quoteForReason, type Result } from '@tinsel/model';
import type { OtlpStatusCode, SpanKindName } from './otlp-span.ts';

// Index = OTLP Span.SpanKind number.
const KINDS: readonly SpanKindName[] = ['internal', 'internal', 'server', 'client', 'producer', 'consumer'];
const KIND_NAMES: Record<string, SpanKindName> = {
  SPAN_KIND_UNSPECIFIED: 'internal',
  SPAN_KIND_INTERNAL: 'internal',
  SPAN_KIND_SERVER: 'server',
  SPAN_KIND_CLIENT: 'client',
  SPAN_KIND_PRODUCER: 'producer',
  SPAN_KIND_CONSUMER: 'consumer',
};
const STATUS_NAMES: Record<string, OtlpStatusCode> = { STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2 };

/**
 * Reads Span.kind: the integer OTLP/JSON requires, or the enum name that
 * proto3 JSON (and some senders) write. UNSPECIFIED, absent and numbers
 * this version does not know are internal: proto3 enums are open, and a
 * newer sender's kind should not cost the span.
 *
 * @example
 * readSpanKind(2) // ok('server')
 * readSpanKind('SPAN_KIND_CLIENT') // ok('client')
 */
export function readSpanKind(value: unknown): Result<SpanKindName> {
  if (value === undefined || value === null) return ok('internal');
  if (typeof value === 'number' && Number.isInteger(value)) return ok(KINDS[value] ?? 'internal');
  if (typeof value === 'string' && Object.hasOwn(KIND_NAMES, value)) return ok(KIND_NAMES[value]!);
  return fail(`kind must be a SpanKind number or name, got ${quoteForReason(value)}`);
}

/**
 * Reads Status.code as a number or an enum name; unknown numbers are UNSET.
 *
 * @example
 * readStatusCode('STATUS_CODE_ERROR') // ok(2)
 */
export function readStatusCode(value: unknown): Result<OtlpStatusCode> {
  if (value === undefined || value === null) return ok(0);
  if (value === 1 || value === 2) return ok(value);
  if (typeof value === 'number' && Number.isInteger(value)) return ok(0);
  if (typeof value === 'string' && Object.hasOwn(STATUS_NAMES, value)) return ok(STATUS_NAMES[value]!);
  return fail(`status code must be a StatusCode number or name, got ${quoteForReason(value)}`);
}
