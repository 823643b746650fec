// The OTLP logs messages as a protobufjs JSON descriptor, so no .proto file
// is read at run time. Field numbers follow
// opentelemetry/proto/{collector/logs,logs,common,resource}/v1; only what a
// logs receiver reads is declared (protobufjs skips the rest, as proto3
// requires). Names are the lowerCamelCase JSON names, so a decoded message
// has the shape of an OTLP/JSON body and one reader serves both.
import protobuf from 'protobufjs';

import { message, otlpCommonMessages, repeated } from '../otlp/otlp-common-proto.ts';

const scopeLogs = message({ scope: { id: 1, type: 'InstrumentationScope' }, logRecords: repeated(2, 'LogRecord'), schemaUrl: { id: 3, type: 'string' } });

const descriptor = {
  nested: {
    ExportLogsServiceRequest: message({ resourceLogs: repeated(1, 'ResourceLogs') }),
    ExportLogsServiceResponse: message({ partialSuccess: { id: 1, type: 'ExportLogsPartialSuccess' } }),
    ExportLogsPartialSuccess: message({ rejectedLogRecords: { id: 1, type: 'int64' }, errorMessage: { id: 2, type: 'string' } }),
    ResourceLogs: message({
      resource: { id: 1, type: 'Resource' },
      scopeLogs: repeated(2, 'ScopeLogs'),
      schemaUrl: { id: 3, type: 'string' },
      // Deprecated InstrumentationLibraryLogs: ScopeLogs' layout, kept for old senders.
      instrumentationLibraryLogs: repeated(1000, 'ScopeLogs'),
    }),
    ScopeLogs: scopeLogs,
    LogRecord: message({
      timeUnixNano: { id: 1, type: 'fixed64' },
      observedTimeUnixNano: { id: 11, type: 'fixed64' },
      // An enum on the wire; read as int32 so an unknown number stays a number.
      severityNumber: { id: 2, type: 'int32' },
      severityText: { id: 3, type: 'string' },
      body: { id: 5, type: 'AnyValue' },
      attributes: repeated(6, 'KeyValue'),
      droppedAttributesCount: { id: 7, type: 'uint32' },
      flags: { id: 8, type: 'fixed32' },
      traceId: { id: 9, type: 'bytes' },
      spanId: { id: 10, type: 'bytes' },
      eventName: { id: 12, type: 'string' },
    }),
    ...otlpCommonMessages,
  },
};

const root = protobuf.Root.fromJSON(descriptor);

/**
 * The protobufjs types of the OTLP logs export request and response.
 *
 * @example
 * const message = otlpLogsProto.request.decode(body);
 */
export const otlpLogsProto = {
  request: root.lookupType('ExportLogsServiceRequest'),
  response: root.lookupType('ExportLogsServiceResponse'),
};
