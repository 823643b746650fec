import type { SpanRecord } from '@tinsel/model';

/** How an OTLP/HTTP body is encoded: `application/json` or `application/x-protobuf`. */
export type OtlpEncoding = 'json' | 'protobuf';

/** A span left out of a batch, and why. */
export interface RejectedSpan {
  /** Position of the span in the request, counting from 0 across every ResourceSpans and ScopeSpans. */
  index: number;
  reason: string;
}

/**
 * The spans of one OTLP export request: those accepted as Tinsel rows and
 * those rejected, which the response reports as a partial success.
 */
export interface OtlpTraceBatch {
  spans: SpanRecord[];
  rejected: RejectedSpan[];
}
