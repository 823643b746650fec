import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { ingestAlbFile, ingestAlbStream, parseAlbKey } from '@tinsel/ingest';
import { ApiError } from '../../errors.ts';
import type { AppDeps } from '../create-app.ts';
import { checkDeclaredLength, limitBody } from '../limit-body.ts';

/**
 * `POST /api/ingest/alb`: raw ALB access-log lines, plain or gzip (detected
 * by its magic bytes, whatever the headers say). Answers
 * `{ accepted, deadLettered, skipped }`; bad lines are dead-lettered with
 * their line number and the rest go in.
 */
export function registerAlbIngestRoute(app: FastifyInstance, deps: AppDeps): void {
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    // Streamed, never buffered: the body goes line by line into the store.
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    scope.post('/api/ingest/alb', async (request, reply) => {
      checkDeclaredLength(request.headers['content-length'], deps.limits.bodyBytes);
      const body = (request.body ?? request.raw) as IncomingMessage;
      const limited = body.pipe(limitBody(deps.limits.bodyBytes));
      body.on('error', (error) => limited.destroy(error));
      const source = typeof request.headers['x-tinsel-source'] === 'string' ? request.headers['x-tinsel-source'] : 'api';
      const result = await ingestAlbStream(deps, limited, source);
      if (result.error) return reply.status(400).send({ error: 'TINSEL_ERR_BAD_REQUEST', message: result.error, ...withoutError(result) });
      return { accepted: result.accepted, deadLettered: result.deadLettered, skipped: result.skipped };
    });

    // One whole ALB log object, uploaded by `tinsel ingest alb` while this
    // server holds the store: ingested exactly once by key, size and hash.
    scope.post('/api/ingest/alb/file', async (request) => {
      const header = (name: string) => {
        const value = request.headers[name];
        if (typeof value !== 'string' || value === '') throw new ApiError('TINSEL_ERR_BAD_REQUEST', `${name}: header required`);
        return value;
      };
      const key = header('x-tinsel-source-key');
      const size = Number(header('x-tinsel-source-size'));
      const sha256 = header('x-tinsel-source-sha256');
      if (!Number.isSafeInteger(size) || size < 0) throw new ApiError('TINSEL_ERR_BAD_REQUEST', 'x-tinsel-source-size: expected a byte count');
      checkDeclaredLength(request.headers['content-length'], deps.limits.bodyBytes);
      const body = (request.body ?? request.raw) as IncomingMessage;
      const limited = body.pipe(limitBody(deps.limits.bodyBytes));
      body.on('error', (error) => limited.destroy(error));
      const file = { key, size, meta: parseAlbKey(key), open: async () => limited };
      const result = await ingestAlbFile(deps, file, sha256);
      // An unchanged file's body is not needed; drain it so the connection stays usable.
      if (result.status === 'unchanged') limited.resume();
      return result;
    });
  });
}

function withoutError(result: { accepted: number; deadLettered: number; skipped: number }) {
  return { accepted: result.accepted, deadLettered: result.deadLettered, skipped: result.skipped };
}
