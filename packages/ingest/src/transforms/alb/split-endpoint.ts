/** Where splitEndpoint writes: reused from line to line so the hot path allocates only the ip string. */
export interface Endpoint {
  ip: string;
  port: number;
}

/**
 * Splits an `ip:port` field found in `text` between `start` and `end` into
 * `out`; returns false (leaving `out` unspecified) when it is not one.
 *
 * Load balancers print IPv6 clients without brackets
 * (`2001:db8::8a2e:370:7334:50599`), so the port follows the last colon;
 * a bracketed `[::1]:443` is accepted too and loses its brackets. The address
 * is checked loosely, as hex digits, dots and colons; the port as 0–65535.
 *
 * @example
 * const out = { ip: '', port: 0 };
 * const s = '192.168.131.39:2817';
 * splitEndpoint(s, 0, s.length, out); // true; out = { ip: '192.168.131.39', port: 2817 }
 */
export function splitEndpoint(text: string, start: number, end: number, out: Endpoint): boolean {
  // Walk back over the port's digits to its colon: five reads at most, no search.
  let port = 0;
  let scale = 1;
  let colon = end - 1;
  for (; colon > start && end - colon <= 6; colon--) {
    const d = text.charCodeAt(colon) - 48;
    if (d < 0 || d > 9) break;
    port += d * scale;
    scale *= 10;
  }
  if (colon === end - 1 || colon <= start || text.charCodeAt(colon) !== 58 /* : */) return false;
  if (port > 65_535) return false;
  let ipStart = start;
  let ipEnd = colon;
  if (text.charCodeAt(start) === 91 /* [ */) {
    if (text.charCodeAt(colon - 1) !== 93 /* ] */) return false;
    ipStart++;
    ipEnd--;
  }
  if (ipEnd <= ipStart || !isAddressText(text, ipStart, ipEnd)) return false;
  out.ip = text.slice(ipStart, ipEnd);
  out.port = port;
  return true;
}

// Characters an IPv4 or IPv6 address is written with: hex digits, '.', ':'.
const ADDRESS_CHARS = new Uint8Array(128);
for (const c of '0123456789abcdefABCDEF.:') ADDRESS_CHARS[c.charCodeAt(0)] = 1;

function isAddressText(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    // One table load per character; codes past 127 read undefined and fail.
    if (ADDRESS_CHARS[text.charCodeAt(i)] !== 1) return false;
  }
  return true;
}
