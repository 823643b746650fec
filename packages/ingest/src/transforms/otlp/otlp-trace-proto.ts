// The OTLP trace messages, declared as a protobufjs JSON descriptor so no
// .proto file has to be found at run time. Field numbers follow
// opentelemetry/proto/{collector/trace,trace,common,resource}/v1; only what a
// traces receiver reads is declared, and protobufjs skips every other field,
// as proto3 requires. Field names are the lowerCamelCase JSON names, so a
// decoded message has the same shape as an OTLP/JSON body.
import protobuf from 'protobufjs';

import { message, otlpCommonMessages, repeated } from './otlp-common-proto.ts';

const scopeSpans = message({ scope: { id: 1, type: 'InstrumentationScope' }, spans: repeated(2, 'Span'), schemaUrl: { id: 3, type: 'string' } });

const descriptor = {
  nested: {
    ExportTraceServiceRequest: message({ resourceSpans: repeated(1, 'ResourceSpans') }),
    ExportTraceServiceResponse: message({ partialSuccess: { id: 1, type: 'ExportTracePartialSuccess' } }),
    ExportTracePartialSuccess: message({ rejectedSpans: { id: 1, type: 'int64' }, errorMessage: { id: 2, type: 'string' } }),
    ResourceSpans: message({
      resource: { id: 1, type: 'Resource' },
      scopeSpans: repeated(2, 'ScopeSpans'),
      schemaUrl: { id: 3, type: 'string' },
      // Deprecated InstrumentationLibrarySpans (removed from the spec in 2022):
      // its layout is ScopeSpans' field for field, so old senders still decode.
      instrumentationLibrarySpans: repeated(1000, 'ScopeSpans'),
    }),
    ScopeSpans: scopeSpans,
    Span: message({
      traceId: { id: 1, type: 'bytes' },
      spanId: { id: 2, type: 'bytes' },
      traceState: { id: 3, type: 'string' },
      parentSpanId: { id: 4, type: 'bytes' },
      flags: { id: 16, type: 'fixed32' },
      name: { id: 5, type: 'string' },
      kind: { id: 6, type: 'int32' },
      startTimeUnixNano: { id: 7, type: 'fixed64' },
      endTimeUnixNano: { id: 8, type: 'fixed64' },
      attributes: repeated(9, 'KeyValue'),
      droppedAttributesCount: { id: 10, type: 'uint32' },
      events: repeated(11, 'SpanEvent'),
      droppedEventsCount: { id: 12, type: 'uint32' },
      links: repeated(13, 'SpanLink'),
      droppedLinksCount: { id: 14, type: 'uint32' },
      status: { id: 15, type: 'Status' },
    }),
    SpanEvent: message({
      timeUnixNano: { id: 1, type: 'fixed64' },
      name: { id: 2, type: 'string' },
      attributes: repeated(3, 'KeyValue'),
      droppedAttributesCount: { id: 4, type: 'uint32' },
    }),
    SpanLink: message({
      traceId: { id: 1, type: 'bytes' },
      spanId: { id: 2, type: 'bytes' },
      traceState: { id: 3, type: 'string' },
      attributes: repeated(4, 'KeyValue'),
      droppedAttributesCount: { id: 5, type: 'uint32' },
      flags: { id: 6, type: 'fixed32' },
    }),
    // Enums are read as plain int32 (same varint on the wire): an unknown
    // kind from a newer sender then stays a number instead of being refused.
    Status: message({ message: { id: 2, type: 'string' }, code: { id: 3, type: 'int32' } }),
    ...otlpCommonMessages,
  },
};

const root = protobuf.Root.fromJSON(descriptor);

/**
 * The protobufjs types of the OTLP trace export request and response.
 *
 * @example
 * const message = otlpTraceProto.request.decode(body);
 */
export const otlpTraceProto = {
  request: root.lookupType('ExportTraceServiceRequest'),
  response: root.lookupType('ExportTraceServiceResponse'),
};
