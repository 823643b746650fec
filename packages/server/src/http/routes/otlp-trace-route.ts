import { gunzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { deadLetter, decodeOtlpTraces, encodeOtlpTraceResponse, type OtlpEncoding } from '@tinsel/ingest';
import { deadLettersTable, spansTable } from '@tinsel/model';
import type { AppDeps } from '../create-app.ts';
import { encodeRpcStatus } from '../encode-rpc-status.ts';

const PROTOBUF = 'application/x-protobuf';

/**
 * `POST /v1/traces`: OTLP/HTTP, JSON or protobuf, gzip or not. Spans are
 * stored before the answer; spans the decoder rejects are dead-lettered and
 * reported in the partial-success response, as the OTLP spec asks.
 */
export function registerOtlpTraceRoute(app: FastifyInstance, deps: AppDeps): void {
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.post('/v1/traces', async (request, reply) => {
      const encoding: OtlpEncoding = String(request.headers['content-type'] ?? '').startsWith('application/json') ? 'json' : 'protobuf';
      const raw = (request.body as Buffer | undefined) ?? Buffer.alloc(0);
      const body = inflate(raw, request.headers['content-encoding'], deps.limits.bodyBytes);
      if (typeof body === 'string') return badRequest(reply, encoding, body);
      const decoded = decodeOtlpTraces(body, encoding);
      if (!decoded.ok) return badRequest(reply, encoding, decoded.reason);
      const { rejected } = decoded.value;
      const { fresh: spans, redelivered } = (await deps.redelivery?.fresh(deps.store, decoded.value.spans)) ?? { fresh: decoded.value.spans, redelivered: 0 };
      await deps.store.append(spansTable, spans);
      deps.counters.add('tinsel_otlp_spans_redelivered_total', redelivered);
      await deps.store.append(deadLettersTable, rejected.map((r) => deadLetter('spans', 'otlp', r.index + 1, r.reason, '')));
      deps.counters.add('tinsel_otlp_spans_total', spans.length);
      deps.counters.add('tinsel_otlp_spans_rejected_total', rejected.length);
      const message = rejected.length > 0 ? `${rejected.length} spans rejected; first: ${rejected[0]!.reason}` : '';
      reply.type(encoding === 'json' ? 'application/json' : PROTOBUF);
      return reply.send(encodeOtlpTraceResponse(rejected.length, message, encoding));
    });
  });
}

/** The body as sent, gunzipped when it says so; past `limit` decompressed bytes it is refused (a gzip bomb). */
function inflate(body: Buffer, contentEncoding: string | string[] | undefined, limit: number): Buffer | string {
  if (contentEncoding !== 'gzip') return body;
  try {
    return gunzipSync(body, { maxOutputLength: limit });
  } catch (error) {
    return `the gzip body could not be inflated within ${limit} bytes: ${(error as Error).message}`;
  }
}

function badRequest(reply: FastifyReply, encoding: OtlpEncoding, message: string) {
  reply.status(400).type(encoding === 'json' ? 'application/json' : PROTOBUF);
  // google.rpc.Status, code 3 (INVALID_ARGUMENT), in the request's encoding.
  return reply.send(encoding === 'json' ? { code: 3, message } : encodeRpcStatus(3, message));
}
