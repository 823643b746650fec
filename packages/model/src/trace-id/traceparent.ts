import { fail, ok, type Result } from '../result.ts';
import { firstNonHex, isAllZeros } from './hex-digits.ts';
import { quoteForReason } from '../reason/quote-for-reason.ts';

/** A W3C Trace Context `traceparent` header, split into its fields. */
export interface Traceparent {
  /** Two lowercase hex digits; Tinsel writes `00`. */
  version: string;
  /** 32 lowercase hex, not all zeros: already Tinsel's canonical form. */
  traceId: string;
  /** 16 lowercase hex, not all zeros. */
  spanId: string;
  /** The trace-flags byte; bit 0 is "sampled", other bits are kept as sent. */
  flags: number;
  sampled: boolean;
}

// Version 00 layout: vv-<32 hex trace id>-<16 hex span id>-ff (55 chars).
// Later versions may append "-…" fields, which Tinsel does not read.
const V00_LENGTH = 55;
const TRACE_ID = { start: 3, end: 35 };
const SPAN_ID = { start: 36, end: 52 };
const FLAGS = { start: 53, end: 55 };
const UPPER_HEX = /[A-F]/;

/**
 * Parses a `traceparent` value per W3C Trace Context: lowercase hex only,
 * version `ff` forbidden, version `00` exactly four fields, later versions
 * read by the version-00 layout and anything after it ignored. Surrounding
 * whitespace is trimmed.
 *
 * @example
 * const r = parseTraceparent('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
 * if (r.ok) r.value.sampled // true
 */
export function parseTraceparent(s: string): Result<Traceparent> {
  const v = s.trim();
  if (v.length < V00_LENGTH) {
    return fail(`traceparent must be at least 55 characters (version-traceid-spanid-flags), got ${v.length}: ${quoteForReason(v)}`);
  }
  const version = v.slice(0, 2);
  if (firstNonHex(v, 0, 2, true) !== -1 || v[2] !== '-') {
    return fail(`traceparent must start with a 2-digit lowercase hex version and "-", got ${quoteForReason(v.slice(0, 3))}`);
  }
  if (version === 'ff') return fail('traceparent version ff is forbidden');
  if (version === '00' && v.length !== V00_LENGTH) {
    return fail(`traceparent version 00 must be exactly 55 characters, got ${v.length}`);
  }
  if (v[TRACE_ID.end] !== '-' || v[SPAN_ID.end] !== '-' || (v.length > V00_LENGTH && v[V00_LENGTH] !== '-')) {
    return fail(`traceparent fields must be separated by "-" as in 00-<32 hex>-<16 hex>-<2 hex>, got ${quoteForReason(v)}`);
  }
  const problem =
    hexFieldProblem(v, TRACE_ID, 'trace id') ?? hexFieldProblem(v, SPAN_ID, 'span id') ?? flagsProblem(v);
  if (problem !== null) return fail(problem);
  const flags = Number.parseInt(v.slice(FLAGS.start, FLAGS.end), 16);
  return ok({
    version,
    traceId: v.slice(TRACE_ID.start, TRACE_ID.end),
    spanId: v.slice(SPAN_ID.start, SPAN_ID.end),
    flags,
    sampled: (flags & 1) === 1,
  });
}

/**
 * Writes a version-00 `traceparent`. The ids must already be lowercase hex
 * (as `parseTraceparent` returns them); only the low 8 bits of `flags` count.
 *
 * @example
 * formatTraceparent({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', flags: 1 })
 * // '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'
 */
export function formatTraceparent(tp: Pick<Traceparent, 'traceId' | 'spanId' | 'flags'>): string {
  // W3C: a sender writes the version it fully implements, whatever it received.
  const flags = (tp.flags & 0xff).toString(16).padStart(2, '0');
  return `00-${tp.traceId}-${tp.spanId}-${flags}`;
}

function hexFieldProblem(v: string, at: { start: number; end: number }, name: string): string | null {
  const bad = firstNonHex(v, at.start, at.end, true);
  if (bad !== -1) {
    const field = v.slice(at.start, at.end);
    return UPPER_HEX.test(v[bad] ?? '')
      ? `traceparent ${name} must be lowercase hex, got ${quoteForReason(field)}`
      : `traceparent ${name} has non-hex character ${JSON.stringify(v[bad])} in ${quoteForReason(field)}`;
  }
  return isAllZeros(v, at.start, at.end) ? `traceparent ${name} must not be all zeros` : null;
}

function flagsProblem(v: string): string | null {
  if (firstNonHex(v, FLAGS.start, FLAGS.end, true) === -1) return null;
  return `traceparent flags must be 2 lowercase hex digits, got ${quoteForReason(v.slice(FLAGS.start, FLAGS.end))}`;
}
