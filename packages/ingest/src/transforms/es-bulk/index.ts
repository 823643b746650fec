// The Elasticsearch `_bulk` source: NDJSON action/document pairs in, log
// rows and per-item answers out.
export { decodeEsBulk, type EsBulkDecoded, type EsBulkOptions, type EsBulkOutcome } from './decode-es-bulk.ts';
export { encodeEsBulkResponse } from './encode-es-bulk-response.ts';
export { mapEsDocument, type EsDocumentOptions } from './map-es-document.ts';
export type { EsBulkAction, EsBulkItem, EsErrorCause } from './es-bulk-item.ts';
