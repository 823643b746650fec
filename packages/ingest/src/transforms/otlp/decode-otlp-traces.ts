import type { Result } from '@tinsel/model';
import { collectOtlpSpans } from './collect-otlp-spans.ts';
import type { OtlpEncoding, OtlpTraceBatch } from './otlp-trace-batch.ts';
import { parseOtlpJson } from './parse-otlp-json.ts';
import { parseOtlpProtobuf } from './parse-otlp-protobuf.ts';

/**
 * Decodes the body of an OTLP/HTTP `POST /v1/traces` into Tinsel span rows.
 *
 * - A body that does not decode at all (not JSON, not the protobuf message,
 *   containers of the wrong type) is a failure: the HTTP layer answers 400.
 * - Otherwise each span is accepted or rejected on its own; the rejected
 *   ones (bad ids, no name, no start or end, end before start, fields of
 *   the wrong type) come back with their reason for the partial-success
 *   response. Never throws.
 *
 * JSON follows the OTLP rules (hex ids, integer enums, int64 as strings)
 * and also takes what older or looser senders write: enum names, int64 as
 * numbers, snake_case field names, base64 ids.
 *
 * @example
 * const decoded = decodeOtlpTraces(body, 'json');
 * if (!decoded.ok) return reply.code(400).send({ code: 3, message: decoded.reason });
 * await store.insertSpans(decoded.value.spans);
 * reply.send(encodeOtlpTraceResponse(decoded.value.rejected.length, '', 'json'));
 */
export function decodeOtlpTraces(body: Buffer, encoding: OtlpEncoding): Result<OtlpTraceBatch> {
  const request = encoding === 'json' ? parseOtlpJson(body) : parseOtlpProtobuf(body);
  return request.ok ? collectOtlpSpans(request.value) : request;
}
