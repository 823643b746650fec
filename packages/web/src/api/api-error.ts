/** An error answer from Tinsel's API: its code, message and, for a query, the column at fault. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** 1-based column of the bad token, for query errors. */
  readonly column: number | null;
  readonly expected: string | null;
  /** For a refusal that passes (429 on sign-in): the seconds to wait. */
  readonly retryAfterSeconds: number | null;
  constructor(status: number, body: Record<string, unknown>) {
    super(typeof body.message === 'string' ? body.message : `HTTP ${status}`);
    this.status = status;
    this.code = typeof body.error === 'string' ? body.error : 'TINSEL_ERR_HTTP';
    const details = (body.details ?? body) as Record<string, unknown>;
    this.column = typeof details.column === 'number' ? details.column : null;
    this.retryAfterSeconds = typeof body.retryAfterSeconds === 'number' ? body.retryAfterSeconds : null;
    this.expected = typeof details.expected === 'string' ? details.expected : Array.isArray(details.expected) ? details.expected.join(', ') : null;
  }
}
