const utf8 = new TextDecoder('utf-8', { fatal: false });

/**
 * Readable text of a quoted ALB field. Tinsel stores fields as AWS wrote
 * them; AWS escapes bytes it will not print raw, so a user agent with a
 * quote reads `Mozilla \x22x\x22` and a UTF-8 path `/caf\xC3\xA9`. This
 * turns them back for display and search:
 *
 * - `\xHH` is one byte; runs of such bytes are decoded as UTF-8, invalid
 *   sequences becoming U+FFFD rather than failing;
 * - `\x` with eight hex digits up to 0010FFFF (`\x00000022`, seen in some
 *   logs) is one code point;
 * - `\"` and `\\` are the character after the backslash;
 * - any other backslash is kept as written.
 *
 * @example
 * decodeAlbEscapes('/caf\\xC3\\xA9?q=\\x22a\\x22'); // '/café?q="a"'
 */
export function decodeAlbEscapes(raw: string): string {
  if (raw.indexOf('\\') === -1) return raw;
  let out = '';
  let bytes: number[] = [];
  let i = 0;
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    if (c === 92 /* \ */ && raw.charCodeAt(i + 1) === 120 /* x */) {
      const wide = hexValue(raw, i + 2, 8);
      if (wide >= 0 && wide <= 0x10ffff) {
        out += flush(bytes) + String.fromCodePoint(wide);
        bytes = [];
        i += 10;
        continue;
      }
      const byte = hexValue(raw, i + 2, 2);
      if (byte >= 0) {
        bytes.push(byte);
        i += 4;
        continue;
      }
    }
    out += flush(bytes);
    bytes = [];
    const next = raw.charCodeAt(i + 1);
    if (c === 92 && (next === 34 || next === 92)) {
      out += raw[i + 1];
      i += 2;
    } else {
      out += raw[i];
      i++;
    }
  }
  return out + flush(bytes);
}

function flush(bytes: number[]): string {
  return bytes.length === 0 ? '' : utf8.decode(Uint8Array.from(bytes));
}

/** The value of `digits` hex digits at `start`, or -1 when they are not all there. */
function hexValue(text: string, start: number, digits: number): number {
  if (start + digits > text.length) return -1;
  let value = 0;
  for (let i = start; i < start + digits; i++) {
    const c = text.charCodeAt(i);
    const lower = c | 0x20;
    const d = c >= 48 && c <= 57 ? c - 48 : lower >= 97 && lower <= 102 ? lower - 87 : -1;
    if (d < 0) return -1;
    value = value * 16 + d;
  }
  return value;
}
