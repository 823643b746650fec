import type { EsBulkItem } from './es-bulk-item.ts';

const SHARDS = '"_shards":{"total":1,"successful":1,"failed":0}';

/**
 * The JSON text of a `_bulk` answer: `took`, `errors` (true when any item
 * failed) and one single-key item per action, in request order. A stored
 * item reads as a new document in a one-shard index (`result` "created",
 * `_version` 1, status 201, `_seq_no` from `nextSeqNo`); a refused one
 * carries its `error` and status. Written as text: at thousands of items a
 * request, building and serialising objects would cost more than the parse.
 *
 * @example
 * encodeEsBulkResponse([{ action: 'index', index: 'logs', id: 'a', status: 201, error: null }], 3, () => 0)
 * // '{"took":3,"errors":false,"items":[{"index":{"_index":"logs","_id":"a","_version":1,"result":"created",…,"status":201}}]}'
 */
export function encodeEsBulkResponse(items: readonly EsBulkItem[], took: number, nextSeqNo: () => number): string {
  const parts: string[] = new Array<string>(items.length);
  let errors = false;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const head = `{"${item.action}":{"_index":${JSON.stringify(item.index)},"_id":${JSON.stringify(item.id)},`;
    if (item.error === null) {
      parts[i] = `${head}"_version":1,"result":"created",${SHARDS},"_seq_no":${nextSeqNo()},"_primary_term":1,"status":${item.status}}}`;
    } else {
      errors = true;
      parts[i] = `${head}"status":${item.status},"error":${JSON.stringify(item.error)}}}`;
    }
  }
  return `{"took":${Math.max(0, Math.round(took))},"errors":${errors},"items":[${parts.join(',')}]}`;
}
