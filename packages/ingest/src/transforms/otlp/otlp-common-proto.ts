// What the OTLP trace and logs descriptors share: the helpers that spell a
// protobufjs JSON descriptor, and the messages of
// opentelemetry/proto/{common,resource}/v1 (resource, scope, attributes).

type Fields = Record<string, { id: number; type: string; rule?: 'repeated' }>;

/** A repeated field of a descriptor. */
export const repeated = (id: number, type: string) => ({ id, type, rule: 'repeated' as const });

/** A message of a descriptor, with its oneofs when it has any. */
export const message = (fields: Fields, oneofs?: Record<string, { oneof: string[] }>) => (oneofs ? { fields, oneofs } : { fields });

/** Resource, InstrumentationScope, KeyValue, AnyValue and the two lists AnyValue nests. */
export const otlpCommonMessages = {
  Resource: message({ attributes: repeated(1, 'KeyValue'), droppedAttributesCount: { id: 2, type: 'uint32' } }),
  InstrumentationScope: message({
    name: { id: 1, type: 'string' },
    version: { id: 2, type: 'string' },
    attributes: repeated(3, 'KeyValue'),
    droppedAttributesCount: { id: 4, type: 'uint32' },
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
};
