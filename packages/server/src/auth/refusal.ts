import type { FastifyReply, FastifyRequest } from 'fastify';
import { serverErrors } from '../errors.ts';
import { encodeRpcStatus } from '../http/encode-rpc-status.ts';
import type { AuthScope } from './api-key-store.ts';
import type { AuthDialect } from './route-scopes.ts';

/** Why a request is refused: no key, a key no one configured, or a key without the route's scope. */
export type RefusalReason = 'missing' | 'wrong' | 'scope';

// What Elasticsearch with security on offers in WWW-Authenticate.
const ES_CHALLENGES = ['Basic realm="security" charset="UTF-8"', 'Bearer realm="security"', 'ApiKey'];

/**
 * Answers a refused request as the real server its client expects would:
 * 401 without a valid key, 403 with a key that lacks the scope.
 */
export function refuse(reply: FastifyReply, request: FastifyRequest, dialect: AuthDialect, reason: RefusalReason, scope: AuthScope, who?: string) {
  const status = reason === 'scope' ? 403 : 401;
  const code = status === 401 ? 'TINSEL_ERR_UNAUTHORIZED' : 'TINSEL_ERR_FORBIDDEN';
  // `who` is "key <name>" or "user <name>" (a web UI session).
  const message = reason === 'scope' ? `The ${who ?? 'key'} lacks the ${scope} scope this request needs.` : serverErrors[code].message;
  if (dialect === 'es') return refuseEs(reply, request, reason, status, message);
  if (dialect === 'otlp') {
    // google.rpc.Status: 16 UNAUTHENTICATED, 7 PERMISSION_DENIED; OTLP exporters do not retry either.
    const rpc = status === 401 ? 16 : 7;
    if (String(request.headers['content-type'] ?? '').startsWith('application/json')) return reply.status(status).type('application/json').send({ code: rpc, message });
    return reply.status(status).type('application/x-protobuf').send(encodeRpcStatus(rpc, message));
  }
  if (dialect === 'seq') return reply.status(status).type('application/json').send({ Error: message, code });
  if (status === 401) reply.header('www-authenticate', 'Bearer realm="tinsel"');
  return reply.status(status).send({ error: code, message });
}

function refuseEs(reply: FastifyReply, request: FastifyRequest, reason: RefusalReason, status: number, message: string) {
  const path = request.url.split('?')[0];
  const cause: Record<string, unknown> =
    reason === 'missing'
      ? { type: 'security_exception', reason: `missing authentication credentials for REST request [${path}]` }
      : reason === 'wrong'
        ? { type: 'security_exception', reason: 'unable to authenticate with provided credentials and anonymous access is not allowed for this request' }
        : { type: 'security_exception', reason: `action [${request.method} ${path}] is unauthorized: ${message}` };
  if (status === 401) {
    cause.header = { 'WWW-Authenticate': ES_CHALLENGES };
    reply.header('www-authenticate', ES_CHALLENGES);
  }
  const { header: _header, ...rootCause } = cause;
  return reply.status(status).header('x-elastic-product', 'Elasticsearch').type('application/json').send({ error: { root_cause: [rootCause], ...cause }, status });
}
