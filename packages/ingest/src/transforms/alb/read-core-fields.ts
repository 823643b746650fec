import { type AlbFields, INVALID, NOT_LOGGED } from './alb-fields.ts';
import { splitEndpoint, type Endpoint } from './split-endpoint.ts';

/**
 * The eleven fields ALB and Classic ELB lines share, from the timestamp to
 * sent_bytes, as validated values. Reused from line to line.
 */
export interface CoreFields {
  time: number;
  elb: string;
  clientIp: string;
  clientPort: number;
  targetIp: string | null;
  targetPort: number | null;
  requestProcessingTime: number | null;
  targetProcessingTime: number | null;
  responseProcessingTime: number | null;
  timingUnavailable: boolean;
  elbStatusCode: number | null;
  targetStatusCode: number | null;
  receivedBytes: number;
  sentBytes: number;
}

/** A CoreFields for readCoreFields to fill. */
export function emptyCoreFields(): CoreFields {
  return {
    time: 0, elb: '', clientIp: '', clientPort: 0, targetIp: null, targetPort: null,
    requestProcessingTime: null, targetProcessingTime: null, responseProcessingTime: null,
    timingUnavailable: false, elbStatusCode: null, targetStatusCode: null, receivedBytes: 0, sentBytes: 0,
  };
}

const endpoint: Endpoint = { ip: '', port: 0 };

/**
 * Reads and checks the shared fields starting at index `base` (1 for ALB,
 * whose lines open with the type; 0 for Classic ELB) into `out`. Returns
 * null, or the reason the line must be rejected, naming the field by its
 * 1-based position and by `names[k]` (the formats name some fields differently).
 *
 * These fields are checked strictly because every query leans on them; a
 * line that garbles them is more likely damaged than a new format.
 *
 * @example
 * const reason = readCoreFields(fields, 1, ALB_FIELD_NAMES.slice(1), core);
 * if (reason !== null) return fail(reason);
 */
export function readCoreFields(fields: AlbFields, base: number, names: readonly string[], out: CoreFields): string | null {
  const line = fields.line;

  const time = fields.micros(base);
  if (time !== time) return reject(fields, base, names, 0, 'an ISO-8601 UTC timestamp like 2018-07-02T22:23:00.186641Z');
  out.time = time;
  const elb = fields.text(base + 1);
  if (elb === null || elb === '') return reject(fields, base, names, 1, 'the load balancer id');
  out.elb = elb;

  if (!splitEndpoint(line, fields.starts[base + 2]!, fields.ends[base + 2]!, endpoint)) return reject(fields, base, names, 2, 'ip:port');
  out.clientIp = endpoint.ip;
  out.clientPort = endpoint.port;
  if (fields.isDash(base + 3)) {
    out.targetIp = null;
    out.targetPort = null;
  } else {
    if (!splitEndpoint(line, fields.starts[base + 3]!, fields.ends[base + 3]!, endpoint)) return reject(fields, base, names, 3, 'ip:port or "-"');
    out.targetIp = endpoint.ip;
    out.targetPort = endpoint.port;
  }

  const request = fields.seconds(base + 4);
  const target = fields.seconds(base + 5);
  const response = fields.seconds(base + 6);
  if (request === INVALID) return reject(fields, base, names, 4, 'seconds, -1 or "-"');
  if (target === INVALID) return reject(fields, base, names, 5, 'seconds, -1 or "-"');
  if (response === INVALID) return reject(fields, base, names, 6, 'seconds, -1 or "-"');
  // -1 means the load balancer could not dispatch to or hear from a target:
  // keep it apart from a real 0 with the flag, and out of averages with null.
  out.timingUnavailable = request === -1 || target === -1 || response === -1;
  out.requestProcessingTime = request < 0 ? null : request;
  out.targetProcessingTime = target < 0 ? null : target;
  out.responseProcessingTime = response < 0 ? null : response;

  const elbStatus = fields.status(base + 7);
  if (elbStatus === INVALID) return reject(fields, base, names, 7, 'a 3-digit status or "-"');
  const targetStatus = fields.status(base + 8);
  if (targetStatus === INVALID) return reject(fields, base, names, 8, 'a 3-digit status or "-"');
  out.elbStatusCode = elbStatus === NOT_LOGGED ? null : elbStatus;
  out.targetStatusCode = targetStatus === NOT_LOGGED ? null : targetStatus;

  const received = fields.unsigned(base + 9);
  if (received < 0) return reject(fields, base, names, 9, 'a byte count');
  const sent = fields.unsigned(base + 10);
  if (sent < 0) return reject(fields, base, names, 10, 'a byte count');
  out.receivedBytes = received;
  out.sentBytes = sent;
  return null;
}

// A plain function rather than a closure so the success path allocates nothing.
function reject(fields: AlbFields, base: number, names: readonly string[], k: number, expected: string): string {
  return `field ${base + k + 1} ${names[k]}: expected ${expected}, got ${fields.show(base + k)}`;
}
