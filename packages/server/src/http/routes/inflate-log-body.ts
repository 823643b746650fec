import { gunzipSync } from 'node:zlib';

/**
 * A log request's body as bytes, gunzipped when it is gzip (by its magic
 * bytes, so a missing `Content-Encoding` does not matter); past `limit`
 * decompressed bytes it is refused, so a small gzip bomb cannot fill memory.
 * A string is the reason it could not be read.
 *
 * @example
 * const body = inflateLogBody(request.body as Buffer, deps.limits.bodyBytes);
 * if (typeof body === 'string') return badRequest(body);
 */
export function inflateLogBody(body: Buffer | undefined, limit: number): Buffer | string {
  if (body === undefined) return Buffer.alloc(0);
  if (body.length < 2 || body[0] !== 0x1f || body[1] !== 0x8b) return body;
  try {
    return gunzipSync(body, { maxOutputLength: limit });
  } catch (error) {
    return `the gzip body could not be inflated within ${limit} bytes: ${(error as Error).message}`;
  }
}
