import { parseIsoMicros } from './parse-iso-micros.ts';

/** Returned by the numeric readers for a field written as `-`. */
export const NOT_LOGGED = -2;
/** Returned by the numeric readers for a field that is not what it should be. */
export const INVALID = -3;

const SPACE = 32;
const QUOTE = 34;
const BACKSLASH = 92;
const DASH = 45;
const MAX_SHOWN = 60;

/**
 * The space-separated fields of one load-balancer log line, as offsets into
 * the line, with typed readers that allocate nothing but the strings they
 * return.
 *
 * A quoted field runs to the next `"` not escaped by a backslash; its value
 * is the text between the quotes exactly as written, escapes included (see
 * decodeAlbEscapes). Runs of spaces separate like one space; a leading BOM
 * and trailing spaces, CR or LF are ignored. One instance is reused line
 * after line on the ingest hot path: read what you need before the next scan.
 *
 * @example
 * const fields = new AlbFields();
 * fields.scan('h2 2018-07-02T22:23:00.186641Z app/lb/1 "GET https://x/ HTTP/2.0"');
 * fields.count;   // 4
 * fields.text(3); // 'GET https://x/ HTTP/2.0'
 */
export class AlbFields {
  line = '';
  count = 0;
  /** Index of a quoted field with no closing quote (it ran to the end of the line), or -1. */
  unclosed = -1;
  starts: Int32Array = new Int32Array(64);
  ends: Int32Array = new Int32Array(64);

  scan(line: string): void {
    this.line = line;
    this.unclosed = -1;
    let end = line.length;
    while (end > 0) {
      const c = line.charCodeAt(end - 1);
      if (c !== SPACE && c !== 13 && c !== 10) break;
      end--;
    }
    // Locals, not properties, in the loop: a line has ~33 fields and each
    // costs a builtin search, around which property reads would be repeated.
    let starts = this.starts;
    let ends = this.ends;
    let count = 0;
    let i = end > 0 && line.charCodeAt(0) === 0xfeff ? 1 : 0;
    while (i < end) {
      const c = line.charCodeAt(i);
      if (c === SPACE) {
        i++;
        continue;
      }
      if (count === starts.length) {
        // Lines with unexpected trailing fields are kept, so grow rather than cut.
        starts = grow(starts);
        ends = grow(ends);
        this.starts = starts;
        this.ends = ends;
      }
      if (c !== QUOTE) {
        const space = line.indexOf(' ', i);
        const stop = space === -1 || space > end ? end : space;
        starts[count] = i;
        ends[count++] = stop;
        // The character at `stop` is the space just found: step over it unread.
        i = stop + 1;
      } else if (line.charCodeAt(i + 1) === DASH && line.charCodeAt(i + 2) === QUOTE && i + 2 < end) {
        // `"-"` is a third of the quoted fields: two reads beat a search.
        starts[count] = i + 1;
        ends[count++] = i + 2;
        i += 3;
      } else {
        const close = closingQuote(line, i + 1);
        starts[count] = i + 1;
        if (close === -1 || close >= end) {
          if (this.unclosed === -1) this.unclosed = count;
          ends[count++] = end;
          break;
        }
        ends[count++] = close;
        i = close + 1;
      }
    }
    this.count = count;
  }

  /** The field's value, or null when it is `-` or absent. */
  text(index: number): string | null {
    if (index >= this.count) return null;
    const start = this.starts[index]!;
    const end = this.ends[index]!;
    if (end - start === 1 && this.line.charCodeAt(start) === DASH) return null;
    return this.line.slice(start, end);
  }

  isDash(index: number): boolean {
    return this.ends[index]! - this.starts[index]! === 1 && this.line.charCodeAt(this.starts[index]!) === DASH;
  }

  /** A status code: three digits; NOT_LOGGED for `-`, INVALID otherwise. */
  status(index: number): number {
    if (this.isDash(index)) return NOT_LOGGED;
    const start = this.starts[index]!;
    if (this.ends[index]! - start !== 3) return INVALID;
    const value = readDigits(this.line, start, start + 3);
    return value < 0 ? INVALID : value;
  }

  /** Seconds such as `0.048`; -1 as written; NOT_LOGGED for `-`; INVALID otherwise. */
  seconds(index: number): number {
    const line = this.line;
    const start = this.starts[index]!;
    const end = this.ends[index]!;
    if (line.charCodeAt(start) === DASH) {
      if (end - start === 1) return NOT_LOGGED;
      return end - start === 2 && line.charCodeAt(start + 1) === 49 ? -1 : INVALID;
    }
    // All digits as one integer divided by a power of ten: both are exact
    // doubles, so the quotient is the correctly rounded decimal, as parseFloat gives.
    let mantissa = 0;
    let scale = 1;
    let seenPoint = false;
    let digits = 0;
    for (let i = start; i < end; i++) {
      const c = line.charCodeAt(i);
      if (c === 46 && !seenPoint && i > start && i < end - 1) {
        seenPoint = true;
        continue;
      }
      const d = c - 48;
      if (d < 0 || d > 9 || ++digits > 15) return INVALID;
      mantissa = mantissa * 10 + d;
      if (seenPoint) scale *= 10;
    }
    return digits === 0 ? INVALID : mantissa / scale;
  }

  /** A non-negative integer such as a byte count; NOT_LOGGED for `-`, INVALID otherwise. */
  unsigned(index: number): number {
    if (this.isDash(index)) return NOT_LOGGED;
    const value = readDigits(this.line, this.starts[index]!, this.ends[index]!);
    return value < 0 ? INVALID : value;
  }

  /** An integer that may be negative (`-1`); null for `-`, absent or malformed. */
  integerOrNull(index: number): number | null {
    if (index >= this.count) return null;
    const start = this.starts[index]!;
    const negative = this.line.charCodeAt(start) === DASH;
    const value = readDigits(this.line, negative ? start + 1 : start, this.ends[index]!);
    if (value < 0) return null;
    return negative ? -value : value;
  }

  /** Epoch microseconds of a timestamp field; NaN when it is not one. */
  micros(index: number): number {
    return parseIsoMicros(this.line, this.starts[index]!, this.ends[index]!);
  }

  /** Epoch microseconds, or null for `-`, absent or malformed. */
  microsOrNull(index: number): number | null {
    if (index >= this.count) return null;
    const value = this.micros(index);
    return value === value ? value : null;
  }

  /** Fields from `from` on as a JSON array of strings; null when there are none. */
  jsonFrom(from: number): string | null {
    if (this.count <= from) return null;
    const values: string[] = [];
    for (let i = from; i < this.count; i++) values.push(this.line.slice(this.starts[i]!, this.ends[i]!));
    return JSON.stringify(values);
  }

  /** The field's value quoted for an error message, shortened when long. */
  show(index: number): string {
    const value = this.line.slice(this.starts[index]!, this.ends[index]!);
    return JSON.stringify(value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value);
  }
}

/** Index of the `"` closing a quoted field whose text begins at `from`, or -1. */
function closingQuote(line: string, from: number): number {
  let quote = line.indexOf('"', from);
  while (quote !== -1) {
    let backslashes = 0;
    while (quote - backslashes - 1 >= from && line.charCodeAt(quote - backslashes - 1) === BACKSLASH) backslashes++;
    if ((backslashes & 1) === 0) return quote;
    quote = line.indexOf('"', quote + 1);
  }
  return -1;
}

function grow(offsets: Int32Array): Int32Array {
  const bigger = new Int32Array(offsets.length * 2);
  bigger.set(offsets);
  return bigger;
}

/** The decimal number spelled by `line[start, end)`, or -1 unless it is 1 to 15 digits. */
function readDigits(line: string, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const d = line.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}
