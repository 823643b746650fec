/** The four bulk actions; each item of the answer is keyed by its action. */
export type EsBulkAction = 'index' | 'create' | 'update' | 'delete';

/** Elasticsearch's error object, as clients read it from a failed item or request. */
export interface EsErrorCause {
  type: string;
  reason: string;
  caused_by?: EsErrorCause;
}

/** One action of a bulk request and how it ended, in request order. */
export interface EsBulkItem {
  action: EsBulkAction;
  index: string;
  id: string;
  /** 201 when stored; 400 with `error` when not. */
  status: number;
  error: EsErrorCause | null;
}
