import type { Attributes } from './read-any-value.ts';

/** Tinsel's span kinds: OTLP's five, UNSPECIFIED folded into internal. */
export type SpanKindName = 'server' | 'client' | 'producer' | 'consumer' | 'internal';

/** OTLP Status.code: 0 UNSET, 1 OK, 2 ERROR. */
export type OtlpStatusCode = 0 | 1 | 2;

/** A span event (`exception` ones become Tinsel's exceptions column). */
export interface OtlpEvent {
  name: string;
  timeNanos: bigint | null;
  attributes: Attributes;
}

/** A link to a span of this or another trace. */
export interface OtlpLink {
  traceId: string;
  spanId: string;
  traceState: string | null;
  attributes: Attributes;
}

/**
 * One OTLP span after validation, whichever encoding it came in: ids are
 * lowercase hex, times exact nanoseconds, AnyValues plain JSON.
 */
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  traceState: string | null;
  name: string;
  kind: SpanKindName;
  startNanos: bigint;
  endNanos: bigint;
  attributes: Attributes;
  events: OtlpEvent[];
  links: OtlpLink[];
  statusCode: OtlpStatusCode;
  statusMessage: string | null;
  droppedAttributes: number;
  droppedEvents: number;
  droppedLinks: number;
}

/** What a span inherits from its ResourceSpans and ScopeSpans. */
export interface OtlpSpanContext {
  /** Resource attributes, unprefixed. */
  resource: Attributes;
  /** `resource` as JSON, made once for all the spans that share it (null when empty). */
  resourceJson: string | null;
  scopeName: string | null;
  scopeVersion: string | null;
  /** Scope attributes, unprefixed. */
  scope: Attributes;
}
