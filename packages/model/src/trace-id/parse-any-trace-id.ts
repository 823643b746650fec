import { fail, ok, type Result } from '../result.ts';
import { hexTraceIdProblem } from './canonical-trace-id.ts';
import { parseAmznTraceHeader } from './parse-amzn-trace-header.ts';
import { quoteForReason } from '../reason/quote-for-reason.ts';
import { plausibleEpochSecond } from './trace-id-epoch.ts';
import { parseTraceparent } from './traceparent.ts';
import { xrayToCanonical } from './xray-id.ts';

/** The shape a trace id was written in. */
export type TraceIdForm = 'xray' | 'hex' | 'amzn-header' | 'traceparent';

/** A trace id recognised in free text, in canonical form. */
export interface ParsedTraceId {
  /** 32 lowercase hex. */
  traceId: string;
  form: TraceIdForm;
  /** When the id's first 8 digits are a plausible start time; see `plausibleEpochSecond`. */
  epochSecond: number | null;
}

const TRACEPARENT_NAME = /^traceparent\s*:/i;
const AMZN_NAME = /^x-amzn-trace-id\s*:/i;
const TRACEPARENT_SHAPE = /^[0-9a-f]{2}-[0-9a-f]{32}-/i;
const ONLY_HEX = /^[0-9a-f]+$/i;
const QUOTES = new Set(['"', "'", '`']);

/**
 * Reads whatever a user pastes into a search box: an X-Ray id, 32 hex digits
 * in either case, a whole `X-Amzn-Trace-Id` header or a `traceparent`, each
 * with or without its header name, with surrounding whitespace and quotes.
 * Search is lenient where the codecs are strict: an uppercase traceparent is
 * accepted here, because only its trace id is wanted.
 *
 * @example
 * parseAnyTraceId('"X-Amzn-Trace-Id: Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1"')
 * // ok({ traceId: '5759e988bd862e3fe1be46a994272793', form: 'amzn-header', epochSecond: 1465510280 })
 */
export function parseAnyTraceId(input: string, now: number = Date.now()): Result<ParsedTraceId> {
  const text = unquote(input);
  if (text === '') return fail('trace id is empty');
  const found = recognise(text);
  if (!found.ok) return found;
  return ok({ ...found.value, epochSecond: plausibleEpochSecond(found.value.traceId, now) });
}

type Recognised = Result<{ traceId: string; form: TraceIdForm }>;

function recognise(text: string): Recognised {
  if (TRACEPARENT_NAME.test(text)) return fromTraceparent(text.replace(TRACEPARENT_NAME, ''));
  if (AMZN_NAME.test(text) || text.includes('=')) return fromAmznHeader(text);
  if (text.startsWith('1-')) return as(xrayToCanonical(text), 'xray');
  if (TRACEPARENT_SHAPE.test(text)) return fromTraceparent(text);
  if (text.length === 32 || ONLY_HEX.test(text)) {
    const problem = hexTraceIdProblem(text);
    return problem === null ? ok({ traceId: text.toLowerCase(), form: 'hex' }) : fail(problem);
  }
  return fail(
    `not a trace id: ${quoteForReason(text)}; expected an X-Ray id (1-5759e988-…), 32 hex digits, ` +
      'an X-Amzn-Trace-Id header or a traceparent',
  );
}

function fromAmznHeader(text: string): Recognised {
  const header = parseAmznTraceHeader(text);
  if (!header.ok) return header;
  if (header.value.traceId === null) return fail('X-Amzn-Trace-Id header has no Root, so it names no trace');
  return ok({ traceId: header.value.traceId, form: 'amzn-header' });
}

function fromTraceparent(text: string): Recognised {
  const tp = parseTraceparent(text.toLowerCase());
  return tp.ok ? ok({ traceId: tp.value.traceId, form: 'traceparent' }) : tp;
}

function as(traceId: Result<string>, form: TraceIdForm): Recognised {
  return traceId.ok ? ok({ traceId: traceId.value, form }) : traceId;
}

/** Trims whitespace and any pairs of matching quotes around the text. */
function unquote(input: string): string {
  let text = input.trim();
  while (text.length >= 2 && QUOTES.has(text[0] ?? '') && text[0] === text[text.length - 1]) {
    text = text.slice(1, -1).trim();
  }
  return text;
}
