import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { SyntheticSpan } from './synthetic-span.ts';

type ReadableSpans = Parameters<typeof ProtobufTraceSerializer.serializeRequest>[0];
type ReadableSpan = ReadableSpans[number];
type Attributes = Record<string, string | number | boolean>;

// The API's numbers: SpanKind INTERNAL = 0, SERVER = 1, CLIENT = 2; status ERROR = 2.
const KIND = { internal: 0, server: 1, client: 2 } as const;
const STATUS_ERROR = 2;

const SCOPES = {
  http: { name: '@opentelemetry/instrumentation-http', version: '0.203.0' },
  pg: { name: '@opentelemetry/instrumentation-pg', version: '0.55.0' },
  redis: { name: '@opentelemetry/instrumentation-ioredis', version: '0.51.0' },
  app: { name: 'shop', version: '4.18.2' },
};

// The serializer groups spans by resource object: one object per process,
// as an SDK has.
const resources = new Map<string, { attributes: Attributes }>();

/**
 * An OTLP/HTTP protobuf ExportTraceServiceRequest body for `spans`, made by
 * OpenTelemetry JS's own serializer from span objects shaped as the SDK
 * hands them to its exporter: one resource per service and host, one scope
 * per instrumentation, attributes after the current semantic conventions.
 *
 * @example
 * const body = encodeOtlpRequest(generateTrace(random, Date.now() * 1000));
 * await fetch(`${otlp}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, body });
 */
export function encodeOtlpRequest(spans: readonly SyntheticSpan[]): Uint8Array {
  const body = ProtobufTraceSerializer.serializeRequest(spans.map(toReadableSpan));
  if (!body) throw new Error('the OTLP serializer returned nothing');
  return body;
}

function toReadableSpan(span: SyntheticSpan): ReadableSpan {
  const { traceId, spanId, parentSpanId } = span;
  const failed = span.status === 'fault' || (span.kind === 'client' && span.status === 'error');
  return {
    name: span.name,
    kind: KIND[span.kind],
    spanContext: () => ({ traceId, spanId, traceFlags: 1 }),
    parentSpanContext: parentSpanId ? { traceId, spanId: parentSpanId, traceFlags: 1, isRemote: span.kind === 'server' } : undefined,
    startTime: hrTime(span.startMicros),
    endTime: hrTime(span.endMicros),
    duration: hrTime(span.endMicros - span.startMicros),
    attributes: attributesOf(span),
    links: [],
    events: span.kind === 'server' && span.status === 'fault' ? [exceptionEvent(span)] : [],
    status: failed ? { code: STATUS_ERROR } : { code: 0 },
    resource: resourceOf(span),
    instrumentationScope: span.db ? (span.db.system === 'redis' ? SCOPES.redis : SCOPES.pg) : span.http ? SCOPES.http : SCOPES.app,
    ended: true,
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  } as unknown as ReadableSpan;
}

function attributesOf(span: SyntheticSpan): Attributes {
  const { http, db } = span;
  if (db) {
    return { 'db.system.name': db.system, 'db.namespace': db.database, 'db.query.text': db.statement, 'server.address': db.server, 'server.port': db.system === 'redis' ? 6379 : 5432 };
  }
  if (!http) return { 'code.function.name': span.name };
  const url = new URL(http.url);
  if (span.kind === 'client') {
    return { 'http.request.method': http.method, 'url.full': http.url, 'server.address': url.hostname, 'server.port': Number(url.port || 443), 'http.response.status_code': http.status, 'network.protocol.version': '1.1' };
  }
  const attributes: Attributes = {
    'http.request.method': http.method,
    'url.scheme': url.protocol.slice(0, -1),
    'url.path': url.pathname,
    'server.address': url.hostname,
    'http.route': span.name.slice(span.name.indexOf(' ') + 1),
    'http.response.status_code': http.status,
    'client.address': http.clientIp,
    'network.protocol.version': '1.1',
  };
  if (url.search) attributes['url.query'] = url.search.slice(1);
  if (http.userAgent) attributes['user_agent.original'] = http.userAgent;
  return attributes;
}

function exceptionEvent(span: SyntheticSpan) {
  const message = `upstream request failed with status ${span.http?.status ?? 500}`;
  return {
    name: 'exception',
    time: hrTime(span.endMicros - 200),
    attributes: { 'exception.type': 'Error', 'exception.message': message, 'exception.stacktrace': `Error: ${message}\n    at handle (/srv/app/dist/routes.js:88:13)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)` },
    droppedAttributesCount: 0,
  };
}

function resourceOf(span: SyntheticSpan): { attributes: Attributes } {
  const key = `${span.service}/${span.host}`;
  let resource = resources.get(key);
  if (!resource) {
    resource = {
      attributes: {
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
      },
    };
    resources.set(key, resource);
  }
  return resource;
}

function hrTime(micros: number): [number, number] {
  const seconds = Math.floor(micros / 1e6);
  return [seconds, Math.round((micros - seconds * 1e6) * 1000)];
}
