// Runs a search and its follow-up pages: the first page when the inputs
// change, the next ones (by cursor) on demand, up to 10,000 rows.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { runQuery } from '../../api/client.ts';
import type { QueryAnswer, QueryRequest, Row } from '../../api/types.ts';

export const MAX_ROWS = 10_000;

export interface SearchState {
  loading: boolean;
  error: ApiError | null;
  rows: Row[];
  answer: QueryAnswer | null;
  loadMore: (() => void) | null;
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, { message: error instanceof Error ? error.message : String(error) });
}

/** The rows of `request`, re-run whenever `key` changes. */
export function useSearch(request: QueryRequest, key: string): SearchState {
  const [state, setState] = useState<Omit<SearchState, 'loadMore'>>({ loading: true, error: null, rows: [], answer: null });
  const current = useRef(key);
  useEffect(() => {
    current.current = key;
    const abort = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    runQuery(request, abort.signal).then(
      (answer) => !abort.signal.aborted && setState({ loading: false, error: null, rows: answer.rows, answer }),
      (error: unknown) => !abort.signal.aborted && setState({ loading: false, error: asApiError(error), rows: [], answer: null }),
    );
    return () => abort.abort();
    // The request is described by `key`; its object identity changes every render.
  }, [key]);
  const more = useCallback(() => {
    const cursor = state.answer?.cursor;
    if (!cursor) return;
    setState((s) => ({ ...s, loading: true }));
    runQuery({ ...request, cursor }).then(
      (answer) => current.current === key && setState((s) => ({ loading: false, error: null, rows: [...s.rows, ...answer.rows], answer })),
      (error: unknown) => current.current === key && setState((s) => ({ ...s, loading: false, error: asApiError(error) })),
    );
  }, [state.answer, request, key]);
  const canLoadMore = Boolean(state.answer?.cursor) && state.rows.length < MAX_ROWS && !state.loading;
  return { ...state, loadMore: canLoadMore ? more : null };
}
