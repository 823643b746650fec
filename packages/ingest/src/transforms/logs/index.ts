// Log decoders and the normalisation every log source shares: CLEF and
// Seq's JSON batch, OTLP logs, plain JSON lines; levels, trace ids, times
// and message templates.
export * from './normalize-level.ts';
export * from './trace-id-from-properties.ts';
export * from './parse-log-time.ts';
export * from './log-decode-options.ts';
export { parseMessageTemplate, type TemplateToken } from './parse-message-template.ts';
export { renderMessageTemplate } from './render-message-template.ts';
export { renderPropertyValue } from './render-property-value.ts';
export { readClefEvent } from './read-clef-event.ts';
export { readJsonLogLine } from './read-json-log-line.ts';
export { decodeClefLines, CLEF_EVENT_LIMIT_BYTES } from './decode-clef-lines.ts';
export { decodeSeqJsonBatch } from './decode-seq-json-batch.ts';
export { decodeOtlpLogs } from './decode-otlp-logs.ts';
export { encodeOtlpLogsResponse } from './encode-otlp-logs-response.ts';
export { forEachLine } from './for-each-line.ts';
export { serviceAndHost } from './service-and-host.ts';
export { otlpLogsProto } from './otlp-logs-proto.ts';
