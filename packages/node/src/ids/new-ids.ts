import { randomBytes } from 'node:crypto';

// Ids are drawn from a pooled buffer: one randomBytes call serves many
// requests, which keeps id generation off the request's critical path.
const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let offset = 0;

function randomHex(bytes: number): string {
  if (offset + bytes > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  const hex = pool.toString('hex', offset, offset + bytes);
  offset += bytes;
  return hex;
}

/**
 * A new trace id in canonical form (32 lowercase hex). The first 8 digits are
 * the epoch second, as in an X-Ray id, so the id converts to `1-xxxxxxxx-…`
 * and carries its start time.
 *
 * @example newTraceId() // '6765f0a1c3e2…' (32 hex)
 */
export function newTraceId(nowMs: number = Date.now()): string {
  return Math.floor(nowMs / 1000).toString(16).padStart(8, '0') + randomHex(12);
}

/** A new span id: 16 lowercase hex, never all zeros. */
export function newSpanId(): string {
  const id = randomHex(8);
  return id === '0000000000000000' ? newSpanId() : id;
}
