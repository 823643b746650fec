import { fail, ok, quoteForReason, type Result } from '@tinsel/model';
import { MAX_JSON_NESTING, nestsTooDeep } from '../json-nesting.ts';
import { describeJsonError } from '../xray/describe-json-error.ts';
import type { EsBulkAction } from './es-bulk-item.ts';
import { isPlainObject } from './read-es-field.ts';

/** An action line's action and the metadata Tinsel uses from it. */
export interface BulkActionLine {
  action: EsBulkAction;
  index: string | null;
  id: string | null;
}

const ACTIONS = new Set<string>(['index', 'create', 'update', 'delete']);

/**
 * Reads a bulk action line (`{"index":{"_index":"logs","_id":"1"}}`). A line
 * that is not one fails the whole request, as in Elasticsearch, with its
 * wording. Metadata Tinsel has no use for (`_type`, `pipeline`, `routing`,
 * `if_seq_no`, …) is accepted and ignored, and so are keys after the action
 * (winston-elasticsearch adds its retry count there).
 *
 * @example
 * readBulkAction('{"create":{"_index":"logs-app-default"}}', 1)
 * // ok({ action: 'create', index: 'logs-app-default', id: null })
 */
export function readBulkAction(line: string, lineNumber: number): Result<BulkActionLine> {
  const where = `Malformed action/metadata line [${lineNumber}]`;
  if (nestsTooDeep(line)) return fail(`${where}, it nests deeper than ${MAX_JSON_NESTING} levels`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    return fail(`${where}, expected a JSON object: ${describeJsonError(line, error)}`);
  }
  if (!isPlainObject(parsed)) return fail(`${where}, expected START_OBJECT but found ${quoteForReason(parsed)}`);
  const action = Object.keys(parsed)[0];
  if (action === undefined || !ACTIONS.has(action)) {
    return fail(`${where}, expected field [create], [delete], [index] or [update] but found [${action ?? ''}]`);
  }
  const meta = parsed[action];
  if (!isPlainObject(meta)) return fail(`${where}, expected START_OBJECT after [${action}] but found ${quoteForReason(meta)}`);
  const index = meta._index;
  if (index !== undefined && index !== null && (typeof index !== 'string' || index === '')) return fail(`${where}, [_index] must be a non-empty string`);
  const id = meta._id;
  if (id !== undefined && id !== null && typeof id !== 'string' && typeof id !== 'number') return fail(`${where}, [_id] must be a string`);
  return ok({ action: action as EsBulkAction, index: (index as string | undefined) ?? null, id: id === undefined || id === null ? null : String(id) });
}
