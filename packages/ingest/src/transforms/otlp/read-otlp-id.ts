import { fail, ok, quoteForReason, type Result } from '@tinsel/model';

const HEX = /^[0-9a-fA-F]*$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Reads a trace or span id of `size` bytes as lowercase hex. Protobuf
 * carries the raw bytes; OTLP/JSON carries hex (either case). Base64 is
 * accepted too, because OTLP/JSON before 0.9 wrote ids the proto3 way and
 * the lengths never collide (a 16-byte id is 32 hex digits or 24 base64
 * characters). Absent or empty is null: the caller decides whether that is
 * allowed. All-zero ids are returned as they are, for the caller to judge.
 *
 * @example
 * readOtlpId('EEE19B7EC3C1B174', 8, 'span id') // ok('eee19b7ec3c1b174')
 * readOtlpId('abc', 8, 'span id') // fail('span id must be 8 bytes (16 hex digits), got "abc"')
 */
export function readOtlpId(value: unknown, size: 8 | 16, what: string): Result<string | null> {
  if (value === undefined || value === null) return ok(null);
  if (value instanceof Uint8Array) {
    if (value.length === 0) return ok(null);
    if (value.length === size) return ok(Buffer.from(value.buffer, value.byteOffset, value.length).toString('hex'));
    return fail(`${what} must be ${size} bytes, got ${value.length}`);
  }
  if (typeof value !== 'string') return fail(`${what} must be a hex string, got ${quoteForReason(value)}`);
  if (value === '') return ok(null);
  if (value.length === size * 2 && HEX.test(value)) return ok(value.toLowerCase());
  const base64Length = Math.ceil(size / 3) * 4;
  if (value.length === base64Length && BASE64.test(value)) {
    const bytes = Buffer.from(value, 'base64');
    if (bytes.length === size) return ok(bytes.toString('hex'));
  }
  return fail(`${what} must be ${size} bytes (${size * 2} hex digits), got ${quoteForReason(value)}`);
}

/**
 * True when a hex id is all zeros, which OTLP defines as invalid.
 *
 * @example
 * isZeroId('0000000000000000') // true
 */
export function isZeroId(hex: string): boolean {
  return /^0+$/.test(hex);
}
