import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../create-app.ts';
import { esNotFound } from './es-error-body.ts';
import { matchesEsPattern } from './es-name-pattern.ts';
import { readEsJson } from './es-request-body.ts';
import { catalogOf, remember, type EsState } from './es-state.ts';

interface CatalogKind {
  /** Route prefix, e.g. `/_index_template`. */
  path: string;
  kind: string;
  /** The GET answer for the named definitions found. */
  shape(entries: [string, unknown][]): unknown;
  /** The 404 body Elasticsearch gives for a missing name. */
  missing(name: string): unknown;
}

const KINDS: CatalogKind[] = [
  { path: '/_index_template', kind: 'index_template', shape: (e) => ({ index_templates: e.map(([name, body]) => ({ name, index_template: body })) }), missing: (n) => esNotFound(`index template matching [${n}] not found`) },
  { path: '/_component_template', kind: 'component_template', shape: (e) => ({ component_templates: e.map(([name, body]) => ({ name, component_template: body })) }), missing: (n) => esNotFound(`component template matching [${n}] not found`) },
  { path: '/_template', kind: 'template', shape: (e) => Object.fromEntries(e), missing: () => ({}) },
  { path: '/_ilm/policy', kind: 'ilm_policy', shape: (e) => Object.fromEntries(e.map(([name, body]) => [name, { version: 1, modified_date: new Date(0).toISOString(), policy: policyOf(body) }])), missing: (n) => esNotFound(`Lifecycle policy not found: ${n}`) },
  { path: '/_ingest/pipeline', kind: 'pipeline', shape: (e) => Object.fromEntries(e), missing: () => ({}) },
];

/**
 * The definitions shippers install at start-up: index, component and legacy
 * templates (Serilog's `AutoRegisterTemplate`, Logstash's template manager,
 * winston-elasticsearch's `ensureIndexTemplate`), ILM policies and ingest
 * pipelines. A PUT is acknowledged and remembered while Tinsel runs, so
 * the HEAD or GET that checks it next finds it; a name never put answers
 * 404, which makes a shipper put it. Tinsel's logs table does not depend on
 * any of them.
 */
export function registerEsCatalogRoutes(app: FastifyInstance, deps: AppDeps, state: EsState): void {
  for (const kind of KINDS) {
    const entries = () => catalogOf(state, kind.kind);
    app.get(kind.path, async () => kind.shape([...entries()]));
    app.get(`${kind.path}/:name`, async (request: FastifyRequest, reply: FastifyReply) => {
      const { name } = request.params as { name: string };
      const found = [...entries()].filter(([key]) => matchesEsPattern(key, name));
      if (found.length === 0) return reply.status(404).send(kind.missing(name));
      return kind.shape(found);
    });
    app.route({
      method: ['PUT', 'POST'],
      url: `${kind.path}/:name`,
      handler: async (request: FastifyRequest) => {
        const { name } = request.params as { name: string };
        remember(entries(), name, readEsJson(request, deps.limits.bodyBytes) ?? {});
        return { acknowledged: true };
      },
    });
    app.delete(`${kind.path}/:name`, async (request: FastifyRequest, reply: FastifyReply) => {
      const { name } = request.params as { name: string };
      if (!entries().delete(name)) return reply.status(404).send(kind.missing(name));
      return { acknowledged: true };
    });
  }
}

function policyOf(body: unknown): unknown {
  return typeof body === 'object' && body !== null && 'policy' in body ? (body as { policy: unknown }).policy : body;
}
