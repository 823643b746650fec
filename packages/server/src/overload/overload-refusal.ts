import type { FastifyReply, FastifyRequest } from 'fastify';
import { serverErrors } from '../errors.ts';
import { encodeRpcStatus } from '../http/encode-rpc-status.ts';
import type { AuthDialect } from '../auth/route-scopes.ts';
import type { Refusal } from './ingest-gate.ts';

/**
 * Answers a request the gate turned away the way its real server would, so
 * the client backs off and retries: Elasticsearch's 429
 * `es_rejected_execution_exception` (bulk shippers retry it), OTLP's 429
 * with a google.rpc.Status (exporters honour Retry-After), 503 for Seq's
 * API (its sinks retry any failure with back-off), and 429 on Tinsel's own
 * API. Every answer carries Retry-After.
 */
export function refuseOverload(reply: FastifyReply, request: FastifyRequest, dialect: AuthDialect, refusal: Refusal) {
  const message = serverErrors.TINSEL_ERR_OVERLOADED.message;
  reply.header('retry-after', String(refusal.retryAfterSeconds));
  // The body is not read: closing the connection spares reading it to keep the socket.
  reply.header('connection', 'close');
  if (dialect === 'es') {
    const cause = { type: 'es_rejected_execution_exception', reason: message };
    return reply.status(429).header('x-elastic-product', 'Elasticsearch').type('application/json').send({ error: { root_cause: [cause], ...cause }, status: 429 });
  }
  if (dialect === 'otlp') {
    // google.rpc.Status 8 RESOURCE_EXHAUSTED.
    if (String(request.headers['content-type'] ?? '').startsWith('application/json')) return reply.status(429).type('application/json').send({ code: 8, message });
    return reply.status(429).type('application/x-protobuf').send(encodeRpcStatus(8, message));
  }
  if (dialect === 'seq') return reply.status(503).type('application/json').send({ Error: message, code: 'TINSEL_ERR_OVERLOADED' });
  return reply.status(429).send({ error: 'TINSEL_ERR_OVERLOADED', message, retryAfterSeconds: refusal.retryAfterSeconds });
}
