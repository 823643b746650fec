import type { EsErrorCause } from '@tinsel/ingest';

/**
 * Elasticsearch's error answer: the cause with its `root_cause` list and
 * the HTTP status repeated in the body, as official clients parse it.
 *
 * @example
 * esErrorBody({ type: 'parse_exception', reason: 'request body is required' }, 400)
 * // { error: { root_cause: [{ type: 'parse_exception', reason: '…' }], type: 'parse_exception', reason: '…' }, status: 400 }
 */
export function esErrorBody(cause: EsErrorCause, status: number): { error: Record<string, unknown>; status: number } {
  return { error: { root_cause: [{ type: cause.type, reason: cause.reason }], ...cause }, status };
}

/** The answer for a named thing that does not exist (`index template matching [x] not found`). */
export function esNotFound(reason: string): { error: Record<string, unknown>; status: number } {
  return esErrorBody({ type: 'resource_not_found_exception', reason }, 404);
}
