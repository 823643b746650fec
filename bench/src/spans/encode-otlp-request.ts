import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { otelAttributes, otelExceptionEvent, otelResource, otelScope, otelStatusCode, type OtelAttributes } from './otel-span-view.ts';
import type { SyntheticSpan } from './synthetic-span.ts';

type ReadableSpan = Parameters<typeof ProtobufTraceSerializer.serializeRequest>[0][number];

// The API's numbers: SpanKind INTERNAL = 0, SERVER = 1, CLIENT = 2.
const KIND = { internal: 0, server: 1, client: 2 } as const;

// The serializer groups spans by resource object, so each process's
// resource is one object, as in an SDK.
const resources = new WeakMap<OtelAttributes, { attributes: OtelAttributes }>();

/**
 * An OTLP/HTTP protobuf ExportTraceServiceRequest body for `spans`, made by
 * OpenTelemetry JS's own serializer from span objects shaped as the SDK
 * hands them to its exporter.
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
  const exception = otelExceptionEvent(span);
  return {
    name: span.name,
    kind: KIND[span.kind],
    spanContext: () => ({ traceId, spanId, traceFlags: 1 }),
    parentSpanContext: parentSpanId ? { traceId, spanId: parentSpanId, traceFlags: 1, isRemote: span.kind === 'server' } : undefined,
    startTime: hrTime(span.startMicros),
    endTime: hrTime(span.endMicros),
    duration: hrTime(span.endMicros - span.startMicros),
    attributes: otelAttributes(span),
    links: [],
    events: exception ? [{ name: exception.name, time: hrTime(exception.micros), attributes: exception.attributes, droppedAttributesCount: 0 }] : [],
    status: { code: otelStatusCode(span) },
    resource: resourceObject(otelResource(span)),
    instrumentationScope: otelScope(span),
    ended: true,
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  } as unknown as ReadableSpan;
}

function resourceObject(attributes: OtelAttributes): { attributes: OtelAttributes } {
  let resource = resources.get(attributes);
  if (!resource) {
    resource = { attributes };
    resources.set(attributes, resource);
  }
  return resource;
}

function hrTime(micros: number): [number, number] {
  const seconds = Math.floor(micros / 1e6);
  return [seconds, Math.round((micros - seconds * 1e6) * 1000)];
}
