import type { AsciiWriter } from './ascii-writer.ts';

/**
 * Writes an X-Ray trace id, `1-<8 hex epoch>-<24 hex>`, from its words (see
 * RequestPlan's traceId and self).
 *
 * @example
 * writeTraceId(out, plan.traceEpoch, plan.trace1, plan.trace2, plan.trace3);
 */
export function writeTraceId(out: AsciiWriter, epoch: number, word1: number, word2: number, word3: number): void {
  out.byte(49);
  out.byte(45);
  out.hex(epoch);
  out.byte(45);
  out.hex(word1);
  out.hex(word2);
  out.hex(word3);
}
