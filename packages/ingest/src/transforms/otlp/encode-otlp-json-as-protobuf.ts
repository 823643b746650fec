import { otlpTraceProto } from './otlp-trace-proto.ts';

const ID_FIELDS = new Set(['traceId', 'spanId', 'parentSpanId']);

/**
 * Encodes a canonical OTLP/JSON trace request (lowerCamelCase, integer
 * enums, hex ids) as the protobuf body a sender would post instead: ids
 * become bytes, `bytesValue` base64 becomes bytes, "NaN"/"Infinity"
 * doubles become numbers. For tests and for replaying captured JSON
 * against the protobuf path; not used on the ingest path.
 *
 * @example
 * const body = encodeOtlpJsonAsProtobuf(JSON.parse(readFileSync('trace.json', 'utf8')));
 * decodeOtlpTraces(body, 'protobuf');
 */
export function encodeOtlpJsonAsProtobuf(request: unknown): Buffer {
  const message = otlpTraceProto.request.fromObject(toProtoShape(request, '') as Record<string, unknown>);
  const bytes = otlpTraceProto.request.encode(message).finish();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

function toProtoShape(value: unknown, key: string): unknown {
  if (ID_FIELDS.has(key) && typeof value === 'string') return Buffer.from(value, 'hex');
  if (key === 'bytesValue' && typeof value === 'string') return Buffer.from(value, 'base64');
  if (key === 'doubleValue' && typeof value === 'string') return Number(value);
  if (Array.isArray(value)) return value.map((item) => toProtoShape(item, ''));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toProtoShape(v, k)]));
}
