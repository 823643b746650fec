import type { FastifyInstance } from 'fastify';
import { decodeClefLines, writeLogBatch } from '@tinsel/ingest';
import { ApiError } from '../../errors.ts';
import type { AppDeps } from '../create-app.ts';
import { inflateLogBody } from './inflate-log-body.ts';

/**
 * `POST /api/ingest/logs`: newline-delimited JSON log lines, CLEF (a line
 * with `@t`) or plain JSON from pino, winston, bunyan and the like, gzip
 * or not. Unlike Seq's endpoint a bad line does not refuse the batch: it is
 * dead-lettered with its line number and the rest go in. Answers
 * `{ accepted, deadLettered }`.
 */
export function registerLogIngestRoute(app: FastifyInstance, deps: AppDeps): void {
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.post('/api/ingest/logs', async (request) => {
      const body = inflateLogBody(request.body as Buffer | undefined, deps.limits.bodyBytes);
      if (typeof body === 'string') throw new ApiError('TINSEL_ERR_BAD_REQUEST', body);
      const decoded = decodeClefLines(body.toString('utf8'), { source: 'ndjson', plainJson: true, traceIdProperties: deps.logs?.traceIdProperties });
      // A client sending a file in parts says where each part starts, so dead letters name the file's line.
      const offset = Number(request.headers['x-tinsel-first-line'] ?? 1) - 1;
      const shift = Number.isSafeInteger(offset) && offset > 0 ? offset : 0;
      const rejected = shift === 0 ? decoded.rejected : decoded.rejected.map((r) => ({ ...r, position: r.position + shift }));
      await writeLogBatch(deps.store, deps.counters, { source: 'ndjson', records: decoded.records, rejected });
      return { accepted: decoded.records.length, deadLettered: decoded.rejected.length };
    });
  });
}
