import type { DecodedLogs, LogDecodeOptions } from './log-decode-options.ts';
import { forEachLine } from './for-each-line.ts';
import { parseJsonObject } from './parse-json-object.ts';
import { readClefEvent } from './read-clef-event.ts';
import { readJsonLogLine } from './read-json-log-line.ts';

/** Seq's default limit for one event's JSON. */
export const CLEF_EVENT_LIMIT_BYTES = 256 * 1024;

/**
 * Decodes newline-delimited CLEF: every line is an event that must carry
 * `@t`. With `plainJson`, a line without `@t` is read as a plain JSON log
 * line instead (pino, winston, bunyan; see `readJsonLogLine`): that is the
 * NDJSON source. Each bad line is rejected with its line number and reason;
 * the caller decides whether one bad line fails the batch (Seq) or not.
 *
 * @example
 * decodeClefLines('{"@t":"2016-06-07T03:44:57Z","@mt":"Hi"}\nnot json', { source: 'seq-clef' })
 * // { records: [ … ], rejected: [{ position: 2, reason: 'invalid JSON: …', raw: 'not json' }] }
 */
export function decodeClefLines(text: string, options: LogDecodeOptions & { plainJson?: boolean }): DecodedLogs {
  const decoded: DecodedLogs = { records: [], rejected: [] };
  const receivedAt = options.receivedAt ?? Date.now() * 1000;
  forEachLine(text, (line, position) => {
    if (line.length > CLEF_EVENT_LIMIT_BYTES) {
      decoded.rejected.push({ position, reason: `the event is larger than ${CLEF_EVENT_LIMIT_BYTES} bytes`, raw: line });
      return;
    }
    const object = parseJsonObject(line);
    const row = !object.ok
      ? object
      : options.plainJson && !Object.hasOwn(object.value, '@t')
        ? readJsonLogLine(object.value, { ...options, receivedAt })
        : readClefEvent(object.value, options);
    if (row.ok) decoded.records.push(row.value);
    else decoded.rejected.push({ position, reason: row.reason, raw: line });
  });
  return decoded;
}
