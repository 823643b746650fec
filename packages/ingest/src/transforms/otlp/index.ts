// OTLP/HTTP traces: request bodies in, Tinsel span rows out, and the
// response body that reports rejected spans.
export { decodeOtlpTraces } from './decode-otlp-traces.ts';
export { encodeOtlpTraceResponse } from './encode-otlp-trace-response.ts';
export type { OtlpEncoding, OtlpTraceBatch, RejectedSpan } from './otlp-trace-batch.ts';
export { classifySpanStatus, type SpanStatusName } from './classify-span-status.ts';
