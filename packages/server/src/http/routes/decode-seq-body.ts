import { decodeClefLines, decodeSeqJsonBatch, type DecodedLogs, type LogDecodeOptions } from '@tinsel/ingest';
import { fail, ok, type Result } from '@tinsel/model';

/**
 * Decodes a body posted to Seq's ingestion endpoint. CLEF when the query
 * has `clef` or the content type is `application/vnd.serilog.clef`;
 * otherwise Seq's older `{"Events":[…]}` batch, falling back to CLEF for a
 * sender that posts CLEF lines as `application/json` (one event to
 * `/ingest/clef`, say). The failure is the reason for a 400.
 *
 * @example
 * decodeSeqBody(text, { clef: true, contentType: '' }, { source: 'seq-clef' })
 */
export function decodeSeqBody(text: string, request: { clef: boolean; contentType: string }, options: LogDecodeOptions): Result<DecodedLogs & { unit: 'line' | 'event' }> {
  if (request.clef || request.contentType.startsWith('application/vnd.serilog.clef')) return ok({ ...decodeClefLines(text, options), unit: 'line' });
  const legacy = decodeSeqJsonBatch(text, options);
  if (legacy.ok) return ok({ ...legacy.value, unit: 'event' });
  const clef = decodeClefLines(text, options);
  if (clef.records.length > 0 && clef.rejected.length === 0) return ok({ ...clef, unit: 'line' });
  return fail(legacy.reason);
}
