/**
 * Writes text straight into a byte buffer: constant fragments as bytes
 * encoded once, numbers digit by digit, short strings a character at a time.
 * Building each line as a string and encoding it afterwards cost more than
 * planning the request (string flattening, UTF-8 encoding, garbage).
 *
 * The caller keeps room in the buffer for what it writes (see LineSink);
 * a typed array drops writes past its end, so `pos` running past the
 * buffer's length is how an overflow shows.
 *
 * @example
 * const out = new AsciiWriter(Buffer.alloc(64));
 * out.text('status='); out.int(200);
 * out.buf.toString('latin1', 0, out.pos); // 'status=200'
 */
export class AsciiWriter {
  constructor(
    public buf: Buffer,
    public pos = 0,
  ) {}

  /** Bytes encoded beforehand (see `bytesOf`). */
  bytes(fragment: Uint8Array): void {
    const length = fragment.length;
    // A call into TypedArray.set costs more than copying a few bytes by hand.
    if (length <= 8) {
      const buf = this.buf;
      const pos = this.pos;
      for (let i = 0; i < length; i++) buf[pos + i] = fragment[i]!;
    } else {
      this.buf.set(fragment, this.pos);
    }
    this.pos += length;
  }

  byte(code: number): void {
    this.buf[this.pos++] = code;
  }

  /** A string, UTF-8 encoded; the per-character path covers the usual ASCII text. */
  text(value: string): void {
    this.textRange(value, 0, value.length);
  }

  /** `value.slice(start, end)`, without making the slice. */
  textRange(value: string, start: number, end: number): void {
    const buf = this.buf;
    let pos = this.pos;
    let high = 0;
    for (let i = start; i < end; i++) {
      const code = value.charCodeAt(i);
      high |= code;
      buf[pos++] = code;
    }
    // Anything beyond ASCII is rewritten as UTF-8 (Tinsel's own text never is).
    this.pos = high < 0x80 ? pos : this.pos + buf.write(value.slice(start, end), this.pos, 'utf8');
  }

  /** Eight lowercase hex digits of a 32-bit word. */
  hex(word: number): void {
    const buf = this.buf;
    const pos = this.pos;
    let pair = ((word >>> 24) & 0xff) << 1;
    buf[pos] = HEX[pair]!;
    buf[pos + 1] = HEX[pair + 1]!;
    pair = ((word >>> 16) & 0xff) << 1;
    buf[pos + 2] = HEX[pair]!;
    buf[pos + 3] = HEX[pair + 1]!;
    pair = ((word >>> 8) & 0xff) << 1;
    buf[pos + 4] = HEX[pair]!;
    buf[pos + 5] = HEX[pair + 1]!;
    pair = (word & 0xff) << 1;
    buf[pos + 6] = HEX[pair]!;
    buf[pos + 7] = HEX[pair + 1]!;
    this.pos = pos + 8;
  }

  /** An IPv4 address given as a 32-bit number, dotted. */
  ipv4(address: number): void {
    this.int(address >>> 24);
    this.byte(46);
    this.int((address >>> 16) & 255);
    this.byte(46);
    this.int((address >>> 8) & 255);
    this.byte(46);
    this.int(address & 255);
  }

  /** A non-negative integer in decimal; anything else as JavaScript prints it. */
  int(value: number): void {
    if (value >= 0 && value < 2 ** 31 && (value | 0) === value) {
      this.smallDigits(value, digitCount(value));
    } else if (value >= 0 && value <= Number.MAX_SAFE_INTEGER && Number.isInteger(value)) {
      this.digits(value, digitCount(value));
    } else {
      this.text(String(value));
    }
  }

  /** The lowest `count` decimal digits of a non-negative integer, zero-padded. */
  digits(value: number, count: number): void {
    if (value < 2 ** 31) {
      this.smallDigits(value, count);
      return;
    }
    const buf = this.buf;
    let rest = value;
    for (let i = this.pos + count - 1; i >= this.pos; i--) {
      const next = Math.floor(rest / 10);
      buf[i] = 48 + (rest - next * 10);
      rest = next;
    }
    this.pos += count;
  }

  /**
   * `String(units / 10 ** scale)` for a non-negative integer `units`: the
   * integer part, then the fraction without trailing zeros. Exact while a
   * double resolves the last decimal place (up to 2^33 at scale 6), which
   * the simulator's epoch seconds and durations stay far inside.
   */
  scaled(units: number, scale: number): void {
    const unit = POWERS_OF_TEN[scale] ?? 10 ** scale;
    if (!(units >= 0 && units / unit < 2 ** 33) || !Number.isInteger(units)) {
      this.text(String(units / unit));
      return;
    }
    const whole = Math.floor(units / unit);
    // An int32 from here on: a double's % would call into C.
    let fraction = (units - whole * unit) | 0;
    this.int(whole);
    if (fraction === 0) return;
    let places = scale;
    while (fraction % 10 === 0) {
      fraction = (fraction / 10) | 0;
      places--;
    }
    this.byte(46);
    this.smallDigits(fraction, places);
  }

  /** `(units / 10 ** scale).toFixed(scale)` for a non-negative integer `units`. */
  fixed(units: number, scale: number): void {
    const unit = POWERS_OF_TEN[scale] ?? 10 ** scale;
    if (!(units >= 0 && units <= Number.MAX_SAFE_INTEGER) || !Number.isInteger(units)) {
      this.text((units / unit).toFixed(scale));
      return;
    }
    const whole = Math.floor(units / unit);
    this.int(whole);
    this.byte(46);
    this.digits(units - whole * unit, scale);
  }

  /** Copies `[start, end)` of this buffer to the current position (a fragment written earlier in the same record). */
  repeat(start: number, end: number): void {
    this.buf.copyWithin(this.pos, start, end);
    this.pos += end - start;
  }

  /** digits() for a value below 2^31, in int32 arithmetic. */
  private smallDigits(value: number, count: number): void {
    const buf = this.buf;
    let rest = value | 0;
    for (let i = this.pos + count - 1; i >= this.pos; i--) {
      const next = (rest / 10) | 0;
      buf[i] = 48 + (rest - next * 10);
      rest = next;
    }
    this.pos += count;
  }

  /** What was written, as a string. */
  toString(): string {
    if (this.pos > this.buf.length) throw new Error(`${this.pos} bytes written to a buffer of ${this.buf.length}`);
    return this.buf.toString('utf8', 0, this.pos);
  }
}

/** Decimal digits of a non-negative safe integer (powers of ten up to 1e16 are exact doubles). */
function digitCount(value: number): number {
  let digits = 1;
  for (let bound = 10; value >= bound && digits < 16; bound *= 10) digits++;
  return digits;
}

const POWERS_OF_TEN = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000];

/** Two lowercase hex digits per byte value. */
const HEX = bytesOf(Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0')).join(''));

/** A constant fragment encoded once. */
export function bytesOf(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}
