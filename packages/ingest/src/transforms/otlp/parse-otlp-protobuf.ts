import { fail, ok, type Result } from '@tinsel/model';
import type { OtlpObject } from './otlp-field.ts';
import { otlpTraceProto } from './otlp-trace-proto.ts';

// int64/fixed64 as decimal strings and enums as numbers: the shape of
// OTLP/JSON, so one reader serves both encodings. Bytes stay Buffers.
const AS_JSON_SHAPE = { longs: String, enums: Number } as const;

/**
 * Decodes an OTLP protobuf ExportTraceServiceRequest into a plain object of
 * the same shape as its OTLP/JSON form, except that ids are byte buffers.
 * Bytes that are not such a message (truncated, wrong wire types) fail with
 * the decoder's message, for a 400. An empty body is an empty request.
 *
 * @example
 * parseOtlpProtobuf(Buffer.alloc(0)) // ok({})
 * parseOtlpProtobuf(Buffer.from([0x0a, 0x05])) // fail('not an OTLP protobuf ExportTraceServiceRequest: index out of range: ...')
 */
export function parseOtlpProtobuf(body: Buffer): Result<OtlpObject> {
  try {
    const message = otlpTraceProto.request.decode(body);
    return ok(otlpTraceProto.request.toObject(message, AS_JSON_SHAPE));
  } catch (error) {
    return fail(`not an OTLP protobuf ExportTraceServiceRequest: ${(error as Error).message}`);
  }
}
