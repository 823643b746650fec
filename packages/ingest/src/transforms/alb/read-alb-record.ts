import { amznTraceFieldRemainder, fail, ok, traceIdFromAmznTraceField, type RequestRecord, type Result } from '@tinsel/model';
import type { AlbFields } from './alb-fields.ts';
import { ALB_FIELD_NAMES, ALB_MIN_FIELDS } from './alb-field-names.ts';
import { emptyCoreFields, readCoreFields } from './read-core-fields.ts';
import { emptyRequestLineParts, splitRequestLine } from './split-request-line.ts';

const CORE_NAMES = ALB_FIELD_NAMES.slice(1, 12);
const KNOWN_FIELDS = ALB_FIELD_NAMES.length;
const core = emptyCoreFields();
const request = emptyRequestLineParts();

/**
 * The RequestRecord of an ALB access-log line already split into `fields`,
 * or the reason it cannot be one. The first twelve fields are checked
 * strictly (readCoreFields); later ones are taken as logged, `-` becoming
 * null, and unreadable numbers or times there become null rather than
 * costing the whole line. Fields past the 33 known ones land in
 * `extra_fields`, so a line from a newer format is never rejected.
 *
 * @example
 * fields.scan(line);
 * const result = readAlbRecord(fields, 's3://logs/AWSLogs/…/x.log.gz');
 */
export function readAlbRecord(fields: AlbFields, source: string): Result<RequestRecord> {
  if (fields.unclosed !== -1 && fields.unclosed < KNOWN_FIELDS) {
    return fail(`field ${fields.unclosed + 1} ${ALB_FIELD_NAMES[fields.unclosed]}: quoted value has no closing quote`);
  }
  if (fields.count < ALB_MIN_FIELDS) {
    return fail(`expected at least ${ALB_MIN_FIELDS} fields in an ALB entry, got ${fields.count}`);
  }
  const type = fields.text(0);
  if (type === null || type === '') return fail(`field 1 type: expected the entry type (http, https, h2, ...), got ${fields.show(0)}`);
  const reason = readCoreFields(fields, 1, CORE_NAMES, core);
  if (reason !== null) return fail(reason);
  splitRequestLine(fields.line, fields.starts[12]!, fields.ends[12]!, request);
  const traceField = fields.text(17);
  const traceId = traceField === null ? null : traceIdFromAmznTraceField(traceField);
  const elb = core.elb;

  // One literal in column order, the same as the Classic ELB reader's, so
  // every record shares one hidden class.
  return ok({
    time: core.time,
    type,
    elb,
    client_ip: core.clientIp,
    client_port: core.clientPort,
    target_ip: core.targetIp,
    target_port: core.targetPort,
    request_processing_time: core.requestProcessingTime,
    target_processing_time: core.targetProcessingTime,
    response_processing_time: core.responseProcessingTime,
    timing_unavailable: core.timingUnavailable,
    elb_status_code: core.elbStatusCode,
    target_status_code: core.targetStatusCode,
    received_bytes: core.receivedBytes,
    sent_bytes: core.sentBytes,
    request_method: request.method,
    request_url: request.url,
    request_protocol: request.protocol,
    request_host: request.host,
    request_port: request.port,
    request_path: request.path,
    request_query: request.query,
    user_agent: fields.text(13),
    ssl_cipher: fields.text(14),
    ssl_protocol: fields.text(15),
    target_group_arn: fields.text(16),
    trace_id: traceId,
    trace_fields: traceRemainder(traceField, traceId),
    domain_name: fields.text(18),
    chosen_cert_arn: fields.text(19),
    matched_rule_priority: fields.integerOrNull(20),
    request_creation_time: fields.microsOrNull(21),
    actions_executed: fields.text(22),
    redirect_url: fields.text(23),
    error_reason: fields.text(24),
    target_port_list: fields.text(25),
    target_status_code_list: fields.text(26),
    classification: fields.text(27),
    classification_reason: fields.text(28),
    conn_trace_id: fields.text(29),
    transformed_host: fields.text(30),
    transformed_uri: fields.text(31),
    request_transform_status: fields.text(32),
    extra_fields: fields.jsonFrom(KNOWN_FIELDS),
    lb_name: loadBalancerName(elb),
    account_id: null,
    region: null,
    tenant: null,
    db_server: null,
    db_name: null,
    site_tier: null,
    instance_id: null,
    ami_id: null,
    app_version: null,
    az: null,
    asg: null,
    source,
  });
}

/**
 * The trace field less its Root. Most lines log a bare `Root=1-…` of 40
 * characters; when that yields an id there is no room for anything else, so
 * the remainder is null without parsing the field a second time.
 */
function traceRemainder(field: string | null, traceId: string | null): string | null {
  if (field === null || (traceId !== null && field.length === BARE_ROOT_LENGTH)) return null;
  return amznTraceFieldRemainder(field);
}

const BARE_ROOT_LENGTH = 'Root=1-58337262-36d228ad5d99923122bbe354'.length;

let lastElb = '';
let lastName: string | null = null;

/**
 * `my-loadbalancer` from `app/my-loadbalancer/50dc6c495c0c9188`; the whole
 * value when it has no slash. A file holds one load balancer, so the last
 * answer is remembered.
 */
function loadBalancerName(elb: string): string | null {
  if (elb === lastElb) return lastName;
  const first = elb.indexOf('/');
  const second = first === -1 ? -1 : elb.indexOf('/', first + 1);
  lastElb = elb;
  lastName = first === -1 ? elb : elb.slice(first + 1, second === -1 ? elb.length : second) || null;
  return lastName;
}
