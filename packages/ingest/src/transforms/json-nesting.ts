/**
 * How deep JSON text may nest. JSON.parse reads far deeper than
 * JSON.stringify (and every recursive reader) can walk back without
 * overflowing the stack, so a document is refused before that: a real log
 * event or span nests a few levels, never this many.
 */
export const MAX_JSON_NESTING = 128;

/**
 * Whether JSON text opens more than `MAX_JSON_NESTING` objects or arrays
 * inside one another, found in one pass over the text (brackets inside
 * strings do not count). Call it before JSON.parse on untrusted input.
 *
 * @example
 * nestsTooDeep('{"a":{"b":1}}') // false
 * nestsTooDeep('['.repeat(5000)) // true
 */
export function nestsTooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > MAX_JSON_NESTING) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}
