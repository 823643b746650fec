import type { FastifyInstance, FastifyReply } from 'fastify';
import { decodeOtlpLogs, encodeOtlpLogsResponse, writeLogBatch, type OtlpEncoding } from '@tinsel/ingest';
import type { AppDeps } from '../create-app.ts';
import { encodeRpcStatus } from '../encode-rpc-status.ts';
import { inflateLogBody } from './inflate-log-body.ts';

const PROTOBUF = 'application/x-protobuf';

/**
 * `POST /v1/logs`: OTLP/HTTP logs, JSON or protobuf, gzip or not. Records
 * are stored before the answer; records the decoder rejects are
 * dead-lettered and reported as a partial success, which OTLP clients do
 * not retry. A body that does not decode is a 400 with a google.rpc.Status.
 */
export function registerOtlpLogRoute(app: FastifyInstance, deps: AppDeps): void {
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.post('/v1/logs', async (request, reply) => {
      const encoding: OtlpEncoding = String(request.headers['content-type'] ?? '').startsWith('application/json') ? 'json' : 'protobuf';
      const body = inflateLogBody(request.body as Buffer | undefined, deps.limits.bodyBytes);
      if (typeof body === 'string') return badRequest(reply, encoding, body);
      const decoded = decodeOtlpLogs(body, encoding, { source: 'otlp', traceIdProperties: deps.logs?.traceIdProperties });
      if (!decoded.ok) return badRequest(reply, encoding, decoded.reason);
      const { records, rejected } = decoded.value;
      await writeLogBatch(deps.store, deps.counters, { source: 'otlp', records, rejected });
      const message = rejected.length > 0 ? `${rejected.length} log records rejected; first, record ${rejected[0]!.position}: ${rejected[0]!.reason}` : '';
      reply.type(encoding === 'json' ? 'application/json' : PROTOBUF);
      return reply.send(encodeOtlpLogsResponse(rejected.length, message, encoding));
    });
  });
}

function badRequest(reply: FastifyReply, encoding: OtlpEncoding, message: string) {
  reply.status(400).type(encoding === 'json' ? 'application/json' : PROTOBUF);
  // google.rpc.Status, code 3 (INVALID_ARGUMENT), in the request's encoding.
  return reply.send(encoding === 'json' ? { code: 3, message } : encodeRpcStatus(3, message));
}
