import type { SyntheticSpan } from './synthetic-span.ts';

/** Attribute values as the OpenTelemetry API takes them (no arrays needed here). */
export type OtelAttributes = Record<string, string | number | boolean>;

export interface OtelScope {
  name: string;
  version: string;
}

export interface OtelEvent {
  name: string;
  micros: number;
  attributes: OtelAttributes;
}

const SCOPES = {
  http: { name: '@opentelemetry/instrumentation-http', version: '0.203.0' },
  pg: { name: '@opentelemetry/instrumentation-pg', version: '0.55.0' },
  redis: { name: '@opentelemetry/instrumentation-ioredis', version: '0.51.0' },
  app: { name: 'shop', version: '4.18.2' },
};

// One resource object per process, as an SDK has: the serializer groups
// spans by resource object.
const resources = new Map<string, OtelAttributes>();

/**
 * The resource of the process that emitted `span`: what the Node SDK
 * reports on EC2 with the service's name and version configured.
 *
 * @example
 * otelResource(span)['cloud.platform'] // 'aws_ec2'
 */
export function otelResource(span: SyntheticSpan): OtelAttributes {
  const key = `${span.service}/${span.host}`;
  let resource = resources.get(key);
  if (!resource) {
    resource = {
      'service.name': span.service,
      'service.version': '4.18.2',
      'deployment.environment.name': 'production',
      'host.name': span.host,
      'host.id': span.host,
      'cloud.provider': 'aws',
      'cloud.platform': 'aws_ec2',
      'cloud.region': 'eu-west-1',
      'telemetry.sdk.language': 'nodejs',
      'telemetry.sdk.name': 'opentelemetry',
      'telemetry.sdk.version': '2.12.0',
    };
    resources.set(key, resource);
  }
  return resource;
}

/** The instrumentation that would have made `span`. */
export function otelScope(span: SyntheticSpan): OtelScope {
  if (span.db) return span.db.system === 'redis' ? SCOPES.redis : SCOPES.pg;
  return span.http ? SCOPES.http : SCOPES.app;
}

/**
 * The span's attributes after the current semantic conventions (HTTP
 * server and client, database client), as the instrumentations set them.
 *
 * @example
 * otelAttributes(dbSpan)['db.system.name'] // 'postgresql'
 */
export function otelAttributes(span: SyntheticSpan): OtelAttributes {
  const { http, db } = span;
  if (db) {
    return { 'db.system.name': db.system, 'db.namespace': db.database, 'db.query.text': db.statement, 'server.address': db.server, 'server.port': db.system === 'redis' ? 6379 : 5432 };
  }
  if (!http) return { 'code.function.name': span.name };
  const url = new URL(http.url);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (span.kind === 'client') {
    return { 'http.request.method': http.method, 'url.full': http.url, 'server.address': url.hostname, 'server.port': port, 'http.response.status_code': http.status, 'network.protocol.version': '1.1' };
  }
  const attributes: OtelAttributes = { 'http.request.method': http.method, 'url.scheme': url.protocol.slice(0, -1), 'url.path': url.pathname };
  if (url.search) attributes['url.query'] = url.search.slice(1);
  attributes['server.address'] = url.hostname;
  // The instrumentation names the port only when it is not the scheme's own.
  if (url.port) attributes['server.port'] = port;
  attributes['http.route'] = span.name.slice(span.name.indexOf(' ') + 1);
  attributes['http.response.status_code'] = http.status;
  attributes['client.address'] = http.clientIp;
  attributes['network.protocol.version'] = '1.1';
  if (http.userAgent) attributes['user_agent.original'] = http.userAgent;
  return attributes;
}

/** Status ERROR (2) where the HTTP conventions set it: a 5xx answered, or any failed call. */
export function otelStatusCode(span: SyntheticSpan): 0 | 2 {
  return span.status === 'fault' || (span.kind === 'client' && span.status === 'error') ? 2 : 0;
}

/** The `exception` event a server span that answered 5xx records; none otherwise. */
export function otelExceptionEvent(span: SyntheticSpan): OtelEvent | null {
  if (span.kind !== 'server' || span.status !== 'fault') return null;
  const message = `upstream request failed with status ${span.http?.status ?? 500}`;
  return {
    name: 'exception',
    micros: span.endMicros - 200,
    attributes: {
      'exception.type': 'Error',
      'exception.message': message,
      'exception.stacktrace': `Error: ${message}\n    at handle (/srv/app/dist/routes.js:88:13)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)`,
    },
  };
}
