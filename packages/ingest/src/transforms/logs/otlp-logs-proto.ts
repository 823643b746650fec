// The OTLP logs messages as a protobufjs JSON descriptor, so no .proto file
// is read at run time. Field numbers follow
// opentelemetry/proto/{collector/logs,logs,common,resource}/v1; only what a
// logs receiver reads is declared (protobufjs skips the rest, as proto3
// requires). Names are the lowerCamelCase JSON names, so a decoded message
// has the shape of an OTLP/JSON body and one reader serves both.
import protobuf from 'protobufjs';

type Fields = Record<string, { id: number; type: string; rule?: 'repeated' }>;

const repeated = (id: number, type: string) => ({ id, type, rule: 'repeated' as const });
const message = (fields: Fields, oneofs?: Record<string, { oneof: string[] }>) => (oneofs ? { fields, oneofs } : { fields });

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
    Resource: message({ attributes: repeated(1, 'KeyValue'), droppedAttributesCount: { id: 2, type: 'uint32' } }),
    InstrumentationScope: message({
      name: { id: 1, type: 'string' },
      version: { id: 2, type: 'string' },
      attributes: repeated(3, 'KeyValue'),
      droppedAttributesCount: { id: 4, type: 'uint32' },
    }),
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
    KeyValue: message({ key: { id: 1, type: 'string' }, value: { id: 2, type: 'AnyValue' } }),
    AnyValue: message(
      {
        stringValue: { id: 1, type: 'string' },
        boolValue: { id: 2, type: 'bool' },
        intValue: { id: 3, type: 'int64' },
        doubleValue: { id: 4, type: 'double' },
        arrayValue: { id: 5, type: 'ArrayValue' },
        kvlistValue: { id: 6, type: 'KeyValueList' },
        bytesValue: { id: 7, type: 'bytes' },
      },
      { value: { oneof: ['stringValue', 'boolValue', 'intValue', 'doubleValue', 'arrayValue', 'kvlistValue', 'bytesValue'] } },
    ),
    ArrayValue: message({ values: repeated(1, 'AnyValue') }),
    KeyValueList: message({ values: repeated(1, 'KeyValue') }),
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
