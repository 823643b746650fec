import type { OtlpStatusCode } from './otlp-span.ts';

/** Tinsel's span status, with X-Ray's meaning of each word. */
export type SpanStatusName = 'ok' | 'error' | 'fault' | 'throttle';

/**
 * Classifies a span the way X-Ray flags a segment, so OTLP and X-Ray spans
 * filter alike:
 *
 * 1. HTTP response status 429 → `throttle` (the caller was rate limited).
 * 2. Any other 4xx → `error`: a client error, the caller's fault.
 * 3. 5xx → `fault`: the server failed.
 * 4. Otherwise span status ERROR → `fault`: the operation failed without an
 *    HTTP status to say whose fault it was (an exception, a failed query).
 * 5. Otherwise `ok`.
 *
 * The HTTP status decides first, for every span kind: a client span whose
 * call got a 404 and a server span that answered 404 are both `error`, even
 * though the HTTP semantic conventions leave the server span's status UNSET
 * (the request was bad, not the server). A status OK set by the application
 * does not hide a 5xx: the column records what happened on the wire.
 *
 * @example
 * classifySpanStatus(2, null) // 'fault'
 * classifySpanStatus(0, 404) // 'error'
 * classifySpanStatus(2, 429) // 'throttle'
 */
export function classifySpanStatus(code: OtlpStatusCode, httpStatus: number | null): SpanStatusName {
  if (httpStatus === 429) return 'throttle';
  if (httpStatus !== null && httpStatus >= 400 && httpStatus < 500) return 'error';
  if (httpStatus !== null && httpStatus >= 500 && httpStatus < 600) return 'fault';
  return code === 2 ? 'fault' : 'ok';
}
