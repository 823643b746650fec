// The trace-id codec: one trace, whichever form its id arrives in (X-Ray id,
// X-Amzn-Trace-Id header, W3C traceparent, bare hex), becomes the canonical
// 32 lowercase hex that every Tinsel table stores.
export type { AmznTraceHeader } from './amzn-trace-header.ts';
export { parseAmznTraceHeader } from './parse-amzn-trace-header.ts';
export { formatAmznTraceHeader } from './format-amzn-trace-header.ts';
export { amznTraceFieldRemainder, traceIdFromAmznTraceField } from './amzn-trace-field.ts';
export { isCanonicalTraceId } from './canonical-trace-id.ts';
export { canonicalToXray, xrayToCanonical } from './xray-id.ts';
export { epochSecondOfTraceId, plausibleEpochSecond, EARLIEST_PLAUSIBLE_EPOCH_SECOND } from './trace-id-epoch.ts';
export { formatTraceparent, parseTraceparent, type Traceparent } from './traceparent.ts';
export { parseAnyTraceId, type ParsedTraceId, type TraceIdForm } from './parse-any-trace-id.ts';
