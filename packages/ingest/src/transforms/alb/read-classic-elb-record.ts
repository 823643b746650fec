import { fail, ok, type RequestRecord, type Result } from '@tinsel/model';
import type { AlbFields } from './alb-fields.ts';
import { CLASSIC_ELB_FIELD_NAMES, CLASSIC_ELB_MIN_FIELDS } from './alb-field-names.ts';
import { emptyCoreFields, readCoreFields } from './read-core-fields.ts';
import { emptyRequestLineParts, splitRequestLine } from './split-request-line.ts';

const KNOWN_FIELDS = CLASSIC_ELB_FIELD_NAMES.length;
const core = emptyCoreFields();
const request = emptyRequestLineParts();

/**
 * The RequestRecord of a Classic ELB access-log line already split into
 * `fields`, with `type` 'classic'. Classic lines have no type field and
 * start with the timestamp, which is when the load balancer received the
 * request; `elb` is the plain load balancer name, so it is `lb_name` too.
 * Columns only ALB writes are null: request_creation_time stays null rather
 * than repeating `time`, so durations derived from the pair never read 0.
 * TCP and SSL listeners log `-` statuses and a `"- - - "` request; those
 * parts are null.
 *
 * @example
 * fields.scan('2015-05-13T23:39:43.945958Z my-lb 192.168.131.39:2817 10.0.0.1:80 0.000073 0.001048 0.000057 200 200 0 29 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.38.0" - -');
 * readClassicElbRecord(fields, 'my-lb.log'); // ok, type 'classic', target_ip '10.0.0.1'
 */
export function readClassicElbRecord(fields: AlbFields, source: string): Result<RequestRecord> {
  if (fields.unclosed !== -1 && fields.unclosed < KNOWN_FIELDS) {
    return fail(`field ${fields.unclosed + 1} ${CLASSIC_ELB_FIELD_NAMES[fields.unclosed]}: quoted value has no closing quote`);
  }
  if (fields.count < CLASSIC_ELB_MIN_FIELDS) {
    return fail(`expected at least ${CLASSIC_ELB_MIN_FIELDS} fields in a Classic ELB entry, got ${fields.count}`);
  }
  const reason = readCoreFields(fields, 0, CLASSIC_ELB_FIELD_NAMES, core);
  if (reason !== null) return fail(reason);
  splitRequestLine(fields.line, fields.starts[11]!, fields.ends[11]!, request);

  // Same literal order as readAlbRecord: one hidden class for every record.
  return ok({
    time: core.time,
    type: 'classic',
    elb: core.elb,
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
    user_agent: fields.text(12),
    ssl_cipher: fields.text(13),
    ssl_protocol: fields.text(14),
    target_group_arn: null,
    trace_id: null,
    trace_fields: null,
    domain_name: null,
    chosen_cert_arn: null,
    matched_rule_priority: null,
    request_creation_time: null,
    actions_executed: null,
    redirect_url: null,
    error_reason: null,
    target_port_list: null,
    target_status_code_list: null,
    classification: null,
    classification_reason: null,
    conn_trace_id: null,
    transformed_host: null,
    transformed_uri: null,
    request_transform_status: null,
    extra_fields: fields.jsonFrom(KNOWN_FIELDS),
    lb_name: core.elb,
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
