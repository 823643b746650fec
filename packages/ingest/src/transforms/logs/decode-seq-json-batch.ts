import { fail, ok, quoteForReason, type LogRecord, type Result } from '@tinsel/model';
import type { DecodedLogs, LogDecodeOptions } from './log-decode-options.ts';
import { parseJsonObject } from './parse-json-object.ts';
import { readClefEvent } from './read-clef-event.ts';

/**
 * Decodes Seq's older JSON batch, `{"Events":[…]}`, which seq-logging,
 * pino-seq, winston-seq and Serilog's durable buffer send: each event has
 * `Timestamp`, `Level`, `MessageTemplate`, `RenderedMessage`, `Exception`,
 * `Properties`, and from seq-logging 2 `TraceId`/`SpanId`. Each event is
 * mapped onto its CLEF equivalent and read the same way, so the two formats
 * cannot drift. A body that is not such an object fails whole; a bad event
 * is rejected with its 1-based index.
 *
 * @example
 * decodeSeqJsonBatch('{"Events":[{"Timestamp":"2024-01-01T00:00:00Z","MessageTemplate":"Hi {Name}","Properties":{"Name":"x"}}]}', { source: 'seq-clef' })
 */
export function decodeSeqJsonBatch(text: string, options: LogDecodeOptions): Result<DecodedLogs> {
  const body = parseJsonObject(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!body.ok) return fail(`the body is not a Seq JSON batch: ${body.reason}`);
  const events = body.value.Events;
  if (!Array.isArray(events)) return fail('the body is not a Seq JSON batch: "Events" must be an array');
  const decoded: DecodedLogs = { records: [], rejected: [] };
  events.forEach((event: unknown, i) => {
    const row = readSeqJsonEvent(event, options);
    if (row.ok) decoded.records.push(row.value);
    else decoded.rejected.push({ position: i + 1, reason: row.reason, raw: JSON.stringify(event) ?? '' });
  });
  return ok(decoded);
}

function readSeqJsonEvent(event: unknown, options: LogDecodeOptions): Result<LogRecord> {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return fail(`the event must be a JSON object, got ${quoteForReason(event)}`);
  const e = event as Record<string, unknown>;
  const properties = e.Properties ?? {};
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
    return fail(`Properties must be an object, got ${quoteForReason(properties)}`);
  }
  // User properties first, so an event field of the same name wins, as in CLEF.
  const clef: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) clef[key.startsWith('@') ? `@${key}` : key] = value;
  const fields: [string, string][] = [['Timestamp', '@t'], ['Level', '@l'], ['MessageTemplate', '@mt'], ['RenderedMessage', '@m'], ['Exception', '@x'], ['TraceId', '@tr'], ['SpanId', '@sp']];
  for (const [from, to] of fields) if (e[from] !== undefined && e[from] !== null) clef[to] = e[from];
  return readClefEvent(clef, options);
}
