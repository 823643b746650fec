import type { OtlpEncoding } from './otlp-trace-batch.ts';
import { otlpTraceProto } from './otlp-trace-proto.ts';

/**
 * The body of a 200 answer to an OTLP trace export, in the request's
 * encoding: an ExportTraceServiceResponse. With nothing rejected and no
 * message it is the plain success (`{}`, or zero protobuf bytes); otherwise
 * it carries `partial_success`, whose `rejected_spans` tells the client
 * not to retry those spans. A message with 0 rejected is a warning.
 *
 * @example
 * encodeOtlpTraceResponse(0, '', 'json') // '{}'
 * encodeOtlpTraceResponse(3, 'span 2: span has no name', 'json')
 * // '{"partialSuccess":{"rejectedSpans":"3","errorMessage":"span 2: span has no name"}}'
 */
export function encodeOtlpTraceResponse(rejected: number, message: string, encoding: 'json'): string;
export function encodeOtlpTraceResponse(rejected: number, message: string, encoding: 'protobuf'): Buffer;
export function encodeOtlpTraceResponse(rejected: number, message: string, encoding: OtlpEncoding): Buffer | string;
export function encodeOtlpTraceResponse(rejected: number, message: string, encoding: OtlpEncoding): Buffer | string {
  const count = Number.isSafeInteger(rejected) && rejected > 0 ? rejected : 0;
  const partial = count > 0 || message !== '';
  if (encoding === 'json') {
    if (!partial) return '{}';
    // int64 is a decimal string in OTLP/JSON.
    const partialSuccess = message === '' ? { rejectedSpans: String(count) } : { rejectedSpans: String(count), errorMessage: message };
    return JSON.stringify({ partialSuccess });
  }
  const response = otlpTraceProto.response.fromObject(partial ? { partialSuccess: { rejectedSpans: count, errorMessage: message } } : {});
  const bytes = otlpTraceProto.response.encode(response).finish();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}
