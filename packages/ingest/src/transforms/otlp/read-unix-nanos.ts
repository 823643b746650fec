import { fail, ok, quoteForReason, type Result } from '@tinsel/model';

const MAX_UINT64 = (1n << 64n) - 1n;

/**
 * Reads an OTLP `fixed64` nanosecond timestamp exactly, as a bigint: today's
 * values (~1.7e18) are far past 2^53, so they never go through a float.
 * OTLP/JSON writes them as decimal strings and allows numbers; protobuf
 * decoding yields decimal strings. Absent or 0 ("unknown") is null. A JSON
 * number above 2^53 has already lost precision in JSON.parse; it is taken as
 * parsed.
 *
 * @example
 * readUnixNanos('1544712660000000001') // ok(1544712660000000001n)
 * readUnixNanos('-1') // fail(...)
 */
export function readUnixNanos(value: unknown): Result<bigint | null> {
  let nanos: bigint;
  if (value === undefined || value === null) return ok(null);
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) nanos = BigInt(value);
  else if (typeof value === 'number' && Number.isInteger(value) && value >= 0) nanos = BigInt(value);
  else if (typeof value === 'bigint' && value >= 0n) nanos = value;
  else return fail(`expected unsigned nanoseconds as a decimal string or integer, got ${quoteForReason(value)}`);
  if (nanos > MAX_UINT64) return fail(`nanoseconds ${quoteForReason(value)} do not fit in 64 bits`);
  return ok(nanos === 0n ? null : nanos);
}

/**
 * Epoch nanoseconds to the epoch microseconds Tinsel stores, truncated.
 *
 * @example
 * nanosToMicros(1544712660000000999n) // 1544712660000000
 */
export function nanosToMicros(nanos: bigint): number {
  return Number(nanos / 1000n);
}
