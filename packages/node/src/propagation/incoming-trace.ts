import { parseAmznTraceHeader, parseTraceparent } from '@tinsel/model';

/** What an incoming request says about its trace. */
export interface IncomingTrace {
  traceId: string;
  /** The caller's span id, which becomes the server span's parent. */
  parentId: string | null;
  /** The caller's decision; null when it left it to us (`Sampled=?` or none). */
  sampled: boolean | null;
  /** Which header it came from: the response answers in the same form. */
  form: 'amzn' | 'traceparent';
}

type HeaderValue = string | string[] | undefined;

/**
 * Reads `X-Amzn-Trace-Id` (Root, Parent, Sampled) or, failing that, W3C
 * `traceparent`. Returns null when neither holds a valid trace id, so the
 * caller starts a new trace; a malformed header is never an error.
 *
 * @example
 * readIncomingTrace({ 'x-amzn-trace-id': 'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1' })
 * // { traceId: '5759e988bd862e3fe1be46a994272793', parentId: null, sampled: true, form: 'amzn' }
 */
export function readIncomingTrace(headers: Record<string, HeaderValue>): IncomingTrace | null {
  const amzn = first(headers['x-amzn-trace-id']);
  if (amzn !== undefined) {
    const parsed = parseAmznTraceHeader(amzn);
    if (parsed.ok && parsed.value.traceId !== null) {
      const s = parsed.value.sampled;
      return { traceId: parsed.value.traceId, parentId: parsed.value.parent, sampled: s === '1' ? true : s === '0' ? false : null, form: 'amzn' };
    }
  }
  const traceparent = first(headers.traceparent);
  if (traceparent !== undefined) {
    const parsed = parseTraceparent(traceparent);
    if (parsed.ok) return { traceId: parsed.value.traceId, parentId: parsed.value.spanId, sampled: parsed.value.sampled, form: 'traceparent' };
  }
  return null;
}

function first(value: HeaderValue): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
