/**
 * Store error catalog. Codes are stable and documented in docs/errors.md;
 * messages never carry SQL text.
 */
export const storeErrors = {
  TINSEL_ERR_STORE_OPEN: 'The store could not be opened (data folder missing, locked or unreadable).',
  TINSEL_ERR_STORE_QUERY: 'The store failed to run a query.',
  TINSEL_ERR_STORE_APPEND: 'The store failed to append rows.',
} as const;

export type StoreErrorCode = keyof typeof storeErrors;

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  constructor(code: StoreErrorCode, options?: { cause?: unknown }) {
    super(storeErrors[code], options);
    this.code = code;
    this.name = 'StoreError';
  }
}
