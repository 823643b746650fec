// Filled in by the trace-id codec: parse-amzn-trace-header.ts, xray-id.ts, traceparent.ts, parse-any-trace-id.ts
export {};
