import type { FastifyInstance } from 'fastify';
import { ingestAlbFile, ingestAlbStream, parseAlbKey } from '@tinsel/ingest';
import { ApiError } from '../../errors.ts';
import type { AppDeps } from '../create-app.ts';
import { limitBody } from '../limit-body.ts';

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
      const body = limitBody(request, deps.limits.bodyBytes);
      const source = typeof request.headers['x-tinsel-source'] === 'string' ? request.headers['x-tinsel-source'] : 'api';
      const { error, ...counts } = await ingestAlbStream(deps, body.stream, source);
      // Lines before a cut-off or a gzip break are kept; the answer says how many.
      const tooLarge = body.tooLarge();
      // The rest of the body is left unread, so the connection cannot serve another request: close it rather than hold it open.
      if (tooLarge) return reply.status(tooLarge.status).header('connection', 'close').send({ error: tooLarge.code, message: tooLarge.message, ...counts });
      if (error) return reply.status(400).send({ error: 'TINSEL_ERR_BAD_REQUEST', message: error, ...counts });
      return counts;
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
      const body = limitBody(request, deps.limits.bodyBytes);
      const file = { key, size, meta: parseAlbKey(key), open: async () => body.stream };
      const result = await ingestAlbFile(deps, file, sha256);
      // An unchanged file's body is not needed; drain it so the connection stays usable.
      if (result.status === 'unchanged') body.stream.resume();
      const tooLarge = body.tooLarge();
      if (tooLarge) throw tooLarge;
      return result;
    });
  });
}
