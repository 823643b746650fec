/**
 * The ALB access-log fields in the order AWS writes them, named as in the
 * AWS documentation. AWS only ever appends: 25 fields through error_reason
 * (2018), 29 with the target lists and desync classification (2020), 30 with
 * conn_trace_id (2024), 33 with the rewrite-transform fields (2025). Fields
 * past the last known one are kept by position, never rejected.
 *
 * @example
 * ALB_FIELD_NAMES[8]; // 'elb_status_code' (field 9)
 */
export const ALB_FIELD_NAMES = [
  'type', 'time', 'elb', 'client:port', 'target:port',
  'request_processing_time', 'target_processing_time', 'response_processing_time',
  'elb_status_code', 'target_status_code', 'received_bytes', 'sent_bytes',
  'request', 'user_agent', 'ssl_cipher', 'ssl_protocol', 'target_group_arn', 'trace_id',
  'domain_name', 'chosen_cert_arn', 'matched_rule_priority', 'request_creation_time',
  'actions_executed', 'redirect_url', 'error_reason',
  'target:port_list', 'target_status_code_list', 'classification', 'classification_reason',
  'conn_trace_id', 'transformed_host', 'transformed_uri', 'request_transform_status',
] as const;

/** The oldest ALB generation Tinsel reads ends with error_reason, field 25. */
export const ALB_MIN_FIELDS = 25;

/**
 * Classic ELB fields in order. Old entries stop after the request (12
 * fields); current ones add user_agent and the TLS pair (15).
 */
export const CLASSIC_ELB_FIELD_NAMES = [
  'timestamp', 'elb', 'client:port', 'backend:port',
  'request_processing_time', 'backend_processing_time', 'response_processing_time',
  'elb_status_code', 'backend_status_code', 'received_bytes', 'sent_bytes',
  'request', 'user_agent', 'ssl_cipher', 'ssl_protocol',
] as const;

/** A Classic ELB entry needs at least its fields through the request. */
export const CLASSIC_ELB_MIN_FIELDS = 12;
