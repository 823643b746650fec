import { fail, ok, type Result } from '../result.ts';
import type { AmznTraceHeader } from './amzn-trace-header.ts';
import { firstNonHex, isAllZeros } from './hex-digits.ts';
import { quoteForReason } from '../reason/quote-for-reason.ts';
import { xrayToCanonical } from './xray-id.ts';

const HEADER_NAME = /^x-amzn-trace-id\s*:/i;
const SPAN_ID_LENGTH = 16;

/**
 * Parses a whole `X-Amzn-Trace-Id` value. Keys are case-insensitive and may
 * come in any order; whitespace around fields, keys and values is trimmed; a
 * leading `X-Amzn-Trace-Id:` is tolerated. Fails, naming the key, when Root
 * or Parent is malformed, Sampled is not 0/1/?, a known key repeats, or a
 * field has no `=`. A header without Root is valid (ALB may log only Self).
 *
 * @example
 * const r = parseAmznTraceHeader('Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1');
 * if (r.ok) r.value.traceId // '5759e988bd862e3fe1be46a994272793'
 */
export function parseAmznTraceHeader(header: string): Result<AmznTraceHeader> {
  const body = header.trim().replace(HEADER_NAME, '');
  const h: AmznTraceHeader = { root: null, traceId: null, parent: null, sampled: null, self: null, lineage: null, extra: [] };
  let fields = 0;
  for (const raw of body.split(';')) {
    const part = raw.trim();
    // An empty part comes from "Root=…;" or ";;"; nothing is lost by skipping it.
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq === -1) return fail(`X-Amzn-Trace-Id field ${quoteForReason(part)} has no "="`);
    const key = part.slice(0, eq).trim();
    if (key === '') return fail(`X-Amzn-Trace-Id field ${quoteForReason(part)} has no key before "="`);
    const problem = applyField(h, key, part.slice(eq + 1).trim());
    if (problem !== null) return fail(problem);
    fields++;
  }
  return fields === 0 ? fail('X-Amzn-Trace-Id header is empty') : ok(h);
}

/** Stores one field into `h`; returns why it is unacceptable, or null. */
function applyField(h: AmznTraceHeader, key: string, value: string): string | null {
  switch (key.toLowerCase()) {
    case 'root': {
      if (h.root !== null) return 'X-Amzn-Trace-Id has more than one Root';
      const id = xrayToCanonical(value);
      if (!id.ok) return `X-Amzn-Trace-Id Root is malformed: ${id.reason}`;
      h.root = value.toLowerCase();
      h.traceId = id.value;
      return null;
    }
    case 'parent': {
      if (h.parent !== null) return 'X-Amzn-Trace-Id has more than one Parent';
      const problem = parentProblem(value);
      if (problem === null) h.parent = value.toLowerCase();
      return problem;
    }
    case 'sampled':
      if (h.sampled !== null) return 'X-Amzn-Trace-Id has more than one Sampled';
      if (value !== '0' && value !== '1' && value !== '?') {
        return `X-Amzn-Trace-Id Sampled must be 0, 1 or ?, got ${quoteForReason(value)}`;
      }
      h.sampled = value;
      return null;
    case 'self':
      if (h.self !== null) return 'X-Amzn-Trace-Id has more than one Self';
      h.self = value;
      return null;
    case 'lineage':
      if (h.lineage !== null) return 'X-Amzn-Trace-Id has more than one Lineage';
      h.lineage = value;
      return null;
    default:
      h.extra.push([key, value]);
      return null;
  }
}

function parentProblem(value: string): string | null {
  if (value.length !== SPAN_ID_LENGTH || firstNonHex(value, 0, SPAN_ID_LENGTH) !== -1) {
    return `X-Amzn-Trace-Id Parent must be 16 hex digits, got ${quoteForReason(value)}`;
  }
  if (isAllZeros(value, 0, SPAN_ID_LENGTH)) return 'X-Amzn-Trace-Id Parent must not be all zeros';
  return null;
}
