import type { LogRecord } from '@tinsel/model';

/** How a decoder reads events, shared by every log source. */
export interface LogDecodeOptions {
  /** Stored in each row's `source` column: `seq-clef`, `otlp`, `ndjson`, `es-bulk`. */
  source: string;
  /** Property names searched for a trace id; default `DEFAULT_TRACE_ID_PROPERTIES`. */
  traceIdProperties?: readonly string[];
  /** Epoch microseconds used for events that carry no time of their own (plain JSON lines); default now. */
  receivedAt?: number;
}

/** A decoded batch of log events: the rows and the events rejected, each with its 1-based position. */
export interface DecodedLogs {
  records: LogRecord[];
  rejected: { position: number; reason: string; raw: string }[];
}
