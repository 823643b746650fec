// Recognises a trace id in pasted text, in every form Tinsel accepts: an
// X-Ray id, 32 hex digits, an X-Amzn-Trace-Id header (with or without its
// name) or a W3C traceparent. The server parses the id again; this only
// decides whether a paste is worth opening as a story.

const XRAY = /\b1-[0-9a-f]{8}-[0-9a-f]{24}\b/i;
const TRACEPARENT = /\b[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}\b/i;
const HEX32 = /(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])/i;
const UUID = /\b([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})\b/i;

/**
 * The trace id inside `text`, in a form the story endpoint accepts, or null.
 *
 * @example findTraceId('X-Amzn-Trace-Id: Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1') // '1-5759e988-bd862e3fe1be46a994272793'
 */
export function findTraceId(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > 2000) return null;
  const root = /Root=([^;\s]+)/i.exec(trimmed);
  if (root?.[1] && XRAY.test(root[1])) return XRAY.exec(root[1])![0].toLowerCase();
  const parent = TRACEPARENT.exec(trimmed);
  if (parent?.[1]) return parent[1].toLowerCase();
  const xray = XRAY.exec(trimmed);
  if (xray) return xray[0].toLowerCase();
  const hex = HEX32.exec(trimmed);
  if (hex) return hex[0].toLowerCase();
  const uuid = UUID.exec(trimmed);
  if (uuid) return uuid.slice(1).join('').toLowerCase();
  return null;
}
