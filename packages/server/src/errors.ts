/**
 * The server's error catalog: stable codes, the HTTP status each maps to and
 * what a client is told. Every code is documented in docs/errors.md (a test
 * checks). Clients never see SQL or stack traces.
 */
export const serverErrors = {
  TINSEL_ERR_BAD_REQUEST: { status: 400, message: 'The request is malformed.' },
  TINSEL_ERR_BODY_TOO_LARGE: { status: 413, message: 'The request body is larger than the configured limit (limits.bodyBytes).' },
  TINSEL_ERR_NOT_FOUND: { status: 404, message: 'No such route.' },
  TINSEL_ERR_QUERY_UNSUPPORTED: { status: 400, message: 'This query form is not supported yet.' },
  TINSEL_ERR_INTERNAL: { status: 500, message: 'Tinsel failed to handle the request; the server log has the details.' },
  TINSEL_ERR_CONFIG: { status: 500, message: 'The configuration is invalid.' },
} as const;

export type ServerErrorCode = keyof typeof serverErrors;

export class ApiError extends Error {
  readonly code: ServerErrorCode;
  readonly status: number;
  constructor(code: ServerErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(detail ?? serverErrors[code].message, options);
    this.code = code;
    this.status = serverErrors[code].status;
  }
}
