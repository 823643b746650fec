import type { IncomingMessage } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors.ts';

/** A request body streamed through a byte limit, and what stopped it, if anything. */
export interface LimitedBody {
  stream: Transform;
  /** The 413 to answer when the body went past the limit. */
  tooLarge(): ApiError | null;
}

/**
 * Streams a request body while counting its bytes. A declared
 * Content-Length over `limit` is refused before anything is read; a chunked
 * body is cut off at the limit instead of being read whole.
 */
export function limitBody(request: FastifyRequest, limit: number): LimitedBody {
  const declared = request.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) throw new ApiError('TINSEL_ERR_BODY_TOO_LARGE');
  let seen = 0;
  let failure: ApiError | null = null;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen <= limit) return callback(null, chunk);
      failure = new ApiError('TINSEL_ERR_BODY_TOO_LARGE');
      callback(failure);
    },
  });
  const body = (request.body ?? request.raw) as IncomingMessage;
  body.on('error', (error) => stream.destroy(error));
  body.pipe(stream);
  return { stream, tooLarge: () => failure };
}
