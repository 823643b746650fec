import { ok, type LogRecord } from '@tinsel/model';
import { MAX_JSON_NESTING, nestsTooDeep } from '../json-nesting.ts';
import { describeJsonError } from '../xray/describe-json-error.ts';
import type { EsBulkAction, EsBulkItem, EsErrorCause } from './es-bulk-item.ts';
import { mapEsDocument } from './map-es-document.ts';
import { readBulkAction, type BulkActionLine } from './read-bulk-action.ts';
import { isPlainObject } from './read-es-field.ts';

/** How one `_bulk` body is read. */
export interface EsBulkOptions {
  /** The `{index}` of `/{index}/_bulk`, for actions that name none. */
  defaultIndex: string | null;
  /** Epoch microseconds for documents without `@timestamp`. */
  receivedAt: number;
  /** Unique per request: a generated `_id` is this prefix and the item's number. */
  idPrefix: string;
  /** Property names searched for a trace id after ECS `trace.id`. */
  traceIdProperties?: readonly string[];
}

/** A bulk body read: one item per action, the rows to store and the documents refused. */
export interface EsBulkDecoded {
  items: EsBulkItem[];
  records: LogRecord[];
  /** Refused documents, each with the line number of its source line. */
  rejected: { position: number; reason: string; raw: string }[];
  /** `update` and `delete` actions, refused because logs are append-only. */
  unsupported: number;
}

/** A body read item by item, or the error that refuses the whole request (nothing is stored then). */
export type EsBulkOutcome = { ok: true; value: EsBulkDecoded } | { ok: false; error: EsErrorCause };

const UNSUPPORTED: EsErrorCause = {
  type: 'illegal_argument_exception',
  reason: 'only write ops with an op_type of index or create are supported: logs are append-only, so update and delete are refused',
};

/**
 * Reads an NDJSON `_bulk` body as Elasticsearch does: action lines, each
 * `index` or `create` followed by its document, `update` by its partial
 * document, `delete` alone. A malformed action line, a missing index or an
 * empty body refuses the whole request (400). Anything else is answered per
 * item: a document that is not a JSON object or whose `@timestamp` is not a
 * date gets `document_parsing_exception` (400) and is kept as a dead letter;
 * `update` and `delete` get `illegal_argument_exception` (400), as a data
 * stream answers them; the rest become log rows (201).
 *
 * @example
 * decodeEsBulk('{"index":{}}\n{"message":"hi"}\n', { defaultIndex: 'logs', receivedAt: 0, idPrefix: 'a' })
 * // { ok: true, value: { items: [{ action: 'index', index: 'logs', id: 'a00000000', status: 201, error: null }], records: [ … ], … } }
 */
export function decodeEsBulk(body: string, options: EsBulkOptions): EsBulkOutcome {
  const decoded: EsBulkDecoded = { items: [], records: [], rejected: [], unsupported: 0 };
  const lines = new LineReader(body);
  // Shippers repeat one action line for a whole batch: read each distinct one once.
  const actions = new Map<string, BulkActionLine>();
  for (let line = lines.next(); line !== null; line = lines.next()) {
    if (line.trim() === '') continue;
    const seen = actions.get(line);
    const read = seen === undefined ? readBulkAction(line, lines.number) : ok(seen);
    if (read.ok && seen === undefined && actions.size < 64) actions.set(line, read.value);
    if (!read.ok) return { ok: false, error: { type: 'illegal_argument_exception', reason: read.reason } };
    const { action } = read.value;
    const index = read.value.index ?? options.defaultIndex;
    if (index === null) return { ok: false, error: validationFailed('index is missing') };
    const id = read.value.id ?? options.idPrefix + decoded.items.length.toString(36).padStart(8, '0');
    if (action === 'update' || action === 'delete') {
      if (action === 'update') lines.next();
      decoded.unsupported++;
      decoded.items.push(failed(action, index, id, UNSUPPORTED));
      continue;
    }
    const source = lines.next();
    if (source === null) {
      decoded.items.push(failed(action, index, id, validationFailed('source is missing')));
      continue;
    }
    readDocument(decoded, { action, index, id }, source, lines.number, options);
  }
  if (decoded.items.length === 0) return { ok: false, error: validationFailed('no requests added') };
  return { ok: true, value: decoded };
}

function readDocument(decoded: EsBulkDecoded, item: { action: EsBulkAction; index: string; id: string }, source: string, lineNumber: number, options: EsBulkOptions): void {
  if (nestsTooDeep(source)) return reject(decoded, item, source, lineNumber, `failed to parse: the document nests deeper than ${MAX_JSON_NESTING} levels`);
  let doc: unknown;
  try {
    doc = JSON.parse(source);
  } catch (error) {
    return reject(decoded, item, source, lineNumber, `failed to parse: ${describeJsonError(source, error)}`);
  }
  if (!isPlainObject(doc)) return reject(decoded, item, source, lineNumber, 'failed to parse: the document is not a JSON object');
  const record = mapEsDocument(doc, options);
  if (!record.ok) return reject(decoded, item, source, lineNumber, record.reason);
  decoded.records.push(record.value);
  decoded.items.push({ ...item, status: 201, error: null });
}

function reject(decoded: EsBulkDecoded, item: { action: EsBulkAction; index: string; id: string }, raw: string, lineNumber: number, reason: string): void {
  decoded.rejected.push({ position: lineNumber, reason, raw });
  decoded.items.push(failed(item.action, item.index, item.id, { type: 'document_parsing_exception', reason }));
}

function failed(action: EsBulkAction, index: string, id: string, error: EsErrorCause): EsBulkItem {
  return { action, index, id, status: 400, error };
}

function validationFailed(problem: string): EsErrorCause {
  return { type: 'action_request_validation_exception', reason: `Validation Failed: 1: ${problem};` };
}

/** Lines of a body without copying it into an array; `\r\n` ends a line too. */
class LineReader {
  private at = 0;
  /** 1-based number of the line last returned. */
  number = 0;
  constructor(private readonly text: string) {}

  next(): string | null {
    if (this.at >= this.text.length) return null;
    let end = this.text.indexOf('\n', this.at);
    if (end < 0) end = this.text.length;
    const line = this.text.slice(this.at, end > this.at && this.text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    this.at = end + 1;
    this.number++;
    return line;
  }
}
