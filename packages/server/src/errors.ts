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
  TINSEL_ERR_QUERY_PARSE: { status: 400, message: 'The query could not be parsed; column and expected say where and what would fit.' },
  TINSEL_ERR_QUERY_FIELD: { status: 400, message: 'The query names a field the signal does not have.' },
  TINSEL_ERR_QUERY_INVALID: { status: 400, message: 'The query uses a value or pipe that does not fit (a word where a number belongs, pipes in an order that means nothing).' },
  TINSEL_ERR_QUERY_CURSOR: { status: 400, message: 'The cursor is not one Tinsel issued for this query.' },
  TINSEL_ERR_STORY_BAD_ID: { status: 400, message: 'The id is not a trace id: expected an X-Ray id, 32 hex digits, an X-Amzn-Trace-Id header or a traceparent.' },
  TINSEL_ERR_STORY_NOT_FOUND: { status: 404, message: 'No load-balancer record, span or log line has this trace id.' },
  TINSEL_ERR_LOG_BATCH_REJECTED: { status: 400, message: 'A log event in the batch is invalid, so the whole batch was refused (as Seq does); the message names the event.' },
  TINSEL_ERR_SEQ_API_KEY: { status: 401, message: 'The Seq API key (X-Seq-ApiKey or ?apiKey) is missing or not one of logs.seqApiKeys.' },
  TINSEL_ERR_UNAUTHORIZED: { status: 401, message: 'An API key is required: send it as X-Tinsel-Key or Authorization: Bearer (see auth.keys in tinsel.yaml).' },
  TINSEL_ERR_FORBIDDEN: { status: 403, message: 'The API key lacks the scope this request needs.' },
  TINSEL_ERR_KEY_INVALID: { status: 400, message: 'The key request is invalid; the message names the field.' },
  TINSEL_ERR_KEY_EXISTS: { status: 409, message: 'An API key already has this name.' },
  TINSEL_ERR_KEY_NOT_FOUND: { status: 404, message: 'No API key has this name.' },
  TINSEL_ERR_KEY_FROM_CONFIG: { status: 409, message: 'The API key comes from tinsel.yaml or the environment; remove it there.' },
  TINSEL_ERR_SIGN_IN_LIMITED: { status: 429, message: 'Too many failed sign-ins from this address; try again after Retry-After seconds.' },
  TINSEL_ERR_INTERNAL: { status: 500, message: 'Tinsel failed to handle the request; the server log has the details.' },
  TINSEL_ERR_CONFIG: { status: 500, message: 'The configuration is invalid.' },
  TINSEL_ERR_OVERLOADED: { status: 429, message: 'Tinsel is holding as much ingest as its limits allow; retry after the Retry-After seconds.' },
  TINSEL_ERR_INSIGHTS_DISABLED: { status: 503, message: 'This server runs without insights and alerts.' },
  TINSEL_ERR_INCIDENT_NOT_FOUND: { status: 404, message: 'No incident has this id.' },
  TINSEL_ERR_ALERT_RULE_INVALID: { status: 400, message: 'The alert rule is invalid; the message names the field.' },
  TINSEL_ERR_ALERT_RULE_NOT_FOUND: { status: 404, message: 'No alert rule has this name.' },
  TINSEL_ERR_ALERT_RULE_FROM_CONFIG: { status: 409, message: 'The alert rule comes from tinsel.yaml; change it there.' },
  TINSEL_ERR_SILENCE_INVALID: { status: 400, message: 'The silence is invalid; the message says what is missing.' },
  TINSEL_ERR_SILENCE_NOT_FOUND: { status: 404, message: 'No silence has this id.' },
} as const;

export type ServerErrorCode = keyof typeof serverErrors;

export class ApiError extends Error {
  readonly code: ServerErrorCode;
  readonly status: number;
  /** Extra members of the answer, such as a query error's column and expectation. */
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ServerErrorCode, detail?: string, options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(detail ?? serverErrors[code].message, options);
    this.code = code;
    this.status = serverErrors[code].status;
    this.details = options?.details;
  }
}
