import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IngestCounters } from '@tinsel/ingest';
import { ruleFor, type ListenerKind } from '../auth/route-scopes.ts';
import type { Admission, IngestGate } from './ingest-gate.ts';
import { refuseOverload } from './overload-refusal.ts';

const admissions = new WeakMap<FastifyRequest, Admission>();

/**
 * Puts every ingest route of a listener behind the gate: an `onRequest`
 * hook admits or refuses before the body is read, and the admission is
 * released when the answer has gone out or the client went away.
 * Refusals are counted as `tinsel_ingest_requests_throttled_total`.
 */
export function installIngestGate(app: FastifyInstance, gate: IngestGate, kind: ListenerKind, counters: IngestCounters): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'POST' && request.method !== 'PUT') return;
    const rule = ruleFor(kind, request.method, request.routeOptions.url);
    if (rule.scope !== 'ingest') return;
    const length = Number(request.headers['content-length']);
    const admitted = gate.admit(Number.isFinite(length) && length >= 0 ? length : null);
    if (!admitted.ok) {
      counters.add('tinsel_ingest_requests_throttled_total');
      return refuseOverload(reply, request, rule.dialect, admitted.refusal);
    }
    admissions.set(request, admitted.admission);
  });
  const release = async (request: FastifyRequest) => admissions.get(request)?.release();
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);
  app.addHook('onError', release);
}
