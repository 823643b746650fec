import { Transform, type TransformCallback } from 'node:stream';
import { ApiError } from '../errors.ts';

/**
 * Passes a request body through while counting its bytes; errors with
 * TINSEL_ERR_BODY_TOO_LARGE past `limit`, so a chunked body without a
 * Content-Length is cut off instead of read whole.
 */
export function limitBody(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > limit) callback(new ApiError('TINSEL_ERR_BODY_TOO_LARGE'));
      else callback(null, chunk);
    },
  });
}

/** Rejects before reading when the declared length is already too large. */
export function checkDeclaredLength(header: string | undefined, limit: number): void {
  if (header !== undefined && Number(header) > limit) throw new ApiError('TINSEL_ERR_BODY_TOO_LARGE');
}
