import { gunzipSync } from 'node:zlib';
import type { FastifyRequest } from 'fastify';
import type { EsErrorCause } from '@tinsel/ingest';

/** A request the Elasticsearch routes refuse whole, answered with Elasticsearch's error body. */
export class EsHttpError extends Error {
  constructor(
    readonly status: number,
    override readonly cause: EsErrorCause,
  ) {
    super(cause.reason);
  }
}

/**
 * The request body as bytes, gunzipped when `Content-Encoding` says gzip
 * (Fluent Bit, Vector and Logstash may compress). Inflating stops at
 * `limit` bytes: a small gzip body must not become a huge one in memory.
 */
export function readEsBody(request: FastifyRequest, limit: number): Buffer {
  const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  const encoding = String(request.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding !== 'gzip' && encoding !== 'x-gzip') return raw;
  try {
    return gunzipSync(raw, { maxOutputLength: limit });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLong(limit);
    throw new EsHttpError(400, { type: 'parse_exception', reason: `the gzip body could not be inflated: ${(error as Error).message}` });
  }
}

/** The request body as JSON; null when there is none. */
export function readEsJson(request: FastifyRequest, limit: number): unknown {
  const text = readEsBody(request, limit).toString('utf8');
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new EsHttpError(400, { type: 'parse_exception', reason: 'the request body is not JSON' });
  }
}

/** The 413 Elasticsearch gives a body over `http.max_content_length`; here the limit is `limits.bodyBytes`. */
export function tooLong(limit: number): EsHttpError {
  return new EsHttpError(413, { type: 'content_too_long_exception', reason: `request body is larger than limits.bodyBytes (${limit} bytes) [TINSEL_ERR_BODY_TOO_LARGE]` });
}
