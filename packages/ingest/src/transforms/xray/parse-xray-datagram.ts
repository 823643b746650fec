import { fail, ok, quoteForReason, type Result } from '@tinsel/model';
import { isXrayObject } from './xray-object.ts';

/** The daemon's receive buffer: a larger datagram never reaches it whole. */
export const MAX_XRAY_DATAGRAM_BYTES = 64 * 1024;

const LINE_FEED = 0x0a;

// The headers SDKs actually send (node's compact form, the docs' spaced
// form): recognised without a JSON.parse on every datagram.
const KNOWN_HEADERS = new Set(['{"format":"json","version":1}', '{"format": "json", "version": 1}']);

/**
 * The segment document inside one X-Ray daemon UDP datagram: a JSON header
 * `{"format":"json","version":1}`, a line feed, then the document. Like the
 * daemon, splits at the first line feed and accepts `format` "json" in any
 * case and `version` 1 only. The document is returned as text, unparsed.
 *
 * @example
 * parseXrayDatagram(Buffer.from('{"format":"json","version":1}\n{"trace_id":"1-…"}')) // ok('{"trace_id":"1-…"}')
 * parseXrayDatagram(Buffer.from('{"format":"json","version":1}'))                     // fail('datagram has no line feed …')
 */
export function parseXrayDatagram(datagram: Buffer): Result<string> {
  if (datagram.length > MAX_XRAY_DATAGRAM_BYTES) {
    return fail(`datagram is ${datagram.length} bytes, over the 64 KiB (${MAX_XRAY_DATAGRAM_BYTES} bytes) limit of the X-Ray daemon protocol`);
  }
  const newline = datagram.indexOf(LINE_FEED);
  if (newline === -1) return fail(noLineFeedReason(datagram));
  const header = datagram.toString('utf8', 0, newline);
  if (!KNOWN_HEADERS.has(header)) {
    const problem = headerProblem(header);
    if (problem !== null) return fail(problem + literalLineFeedHint(header));
  }
  const document = datagram.toString('utf8', newline + 1);
  if (document.trim() === '') return fail('datagram has a header but no segment document after it');
  return ok(document);
}

function headerProblem(header: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(header);
  } catch {
    return `datagram header is not JSON: ${quoteForReason(header)}; expected {"format":"json","version":1}`;
  }
  if (!isXrayObject(parsed)) return `datagram header must be a JSON object, got ${quoteForReason(header)}`;
  const format = parsed['format'];
  if (typeof format !== 'string' || format.toLowerCase() !== 'json') {
    return `datagram header format must be "json", got ${quoteForReason(format)}`;
  }
  if (parsed['version'] !== 1) return `datagram header version must be 1, got ${quoteForReason(parsed['version'])}`;
  return null;
}

function noLineFeedReason(datagram: Buffer): string {
  if (datagram.length === 0) return 'datagram is empty';
  return `datagram has no line feed between header and segment document${literalLineFeedHint(datagram.toString('utf8'))}`;
}

// The AWS guide prints the datagram on one line with a literal "\n" between
// header and document, and SDK authors copy it.
function literalLineFeedHint(text: string): string {
  return text.includes('}\\n{') ? ' (found the two characters \\n after the header: it must end with a real line feed)' : '';
}
