import type { OtlpEncoding } from '../otlp/otlp-trace-batch.ts';
import { otlpLogsProto } from './otlp-logs-proto.ts';

/**
 * The body of a 200 answer to an OTLP logs export, in the request's
 * encoding: `{}` (or no bytes) when all was accepted, else a partial
 * success whose `rejectedLogRecords` tells the client not to retry them.
 *
 * @example
 * encodeOtlpLogsResponse(0, '', 'json') // '{}'
 * encodeOtlpLogsResponse(2, 'log record 3: …', 'json') // '{"partialSuccess":{"rejectedLogRecords":"2","errorMessage":"log record 3: …"}}'
 */
export function encodeOtlpLogsResponse(rejected: number, message: string, encoding: OtlpEncoding): Buffer | string {
  const count = Number.isSafeInteger(rejected) && rejected > 0 ? rejected : 0;
  const partial = count > 0 || message !== '';
  if (encoding === 'json') {
    if (!partial) return '{}';
    // int64 is a decimal string in OTLP/JSON.
    return JSON.stringify({ partialSuccess: { rejectedLogRecords: String(count), ...(message === '' ? {} : { errorMessage: message }) } });
  }
  const response = otlpLogsProto.response.fromObject(partial ? { partialSuccess: { rejectedLogRecords: count, errorMessage: message } } : {});
  const bytes = otlpLogsProto.response.encode(response).finish();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}
