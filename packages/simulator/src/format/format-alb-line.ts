import type { LoadBalancer, Tenant } from '../estate/estate.ts';
import type { Instance } from '../estate/instance-timeline.ts';
import type { Route } from '../app/routes.ts';
import type { RequestPlan } from '../request/request-plan.ts';
import { AsciiWriter, bytesOf } from './ascii-writer.ts';
import { FragmentCache } from './fragment-cache.ts';
import { IsoMicros } from './iso-micros.ts';
import { writeTraceId } from './write-trace-id.ts';

const responded = new IsoMicros();
const created = new IsoMicros();
const scratch = new AsciiWriter(Buffer.allocUnsafe(65_536));

const H2 = bytesOf('h2 ');
const HTTPS = bytesOf('https ');
const SELF = bytesOf('Self=');
const ROOT = bytesOf('Root=');
const END = bytesOf(' "-" "-" "-"');

const elbOf = new FragmentCache((lb: LoadBalancer) => bytesOf(`Z ${lb.resourceId} `));
// From the trace field's end to request_creation_time.
const domainAndCertificateOf = new FragmentCache((lb: LoadBalancer) => new FragmentCache((tenant: Tenant) => bytesOf(`" "${tenant.domain}" "${lb.certificateArn}" 0 `)));
const targetOf = new FragmentCache((instance: Instance) => ({ target: bytesOf(`${instance.ip}:80 `), forward: bytesOf(`Z "forward" "-" "-" "${instance.ip}:80" "`) }));
const requestOf = new FragmentCache((route: Route) => new FragmentCache((tenant: Tenant) => bytesOf(`"${route.method} https://${tenant.domain}:443`)));
// From the protocol to the trace field: fixed per load balancer and client.
const clientOf = new FragmentCache(
  (lb: LoadBalancer) =>
    new FragmentCache((userAgent: string) =>
      bytesOf(
        isHttp2(userAgent)
          ? ` HTTP/2.0" "${userAgent}" TLS_AES_128_GCM_SHA256 TLSv1.3 ${lb.targetGroupArn} "`
          : ` HTTP/1.1" "${userAgent}" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 ${lb.targetGroupArn} "`,
      ),
    ),
);

/**
 * Writes a request as the access-log entry ALB would: 33 fields in AWS's
 * order, timings in seconds to the millisecond (`-1` where the target never
 * answered), `request_creation_time` to the millisecond padded to six digits.
 * The target's time is rounded up so it never reads shorter than the span
 * the app reported for the same request.
 *
 * @example
 * formatAlbLine(plan);
 * // 'h2 2026-11-24T18:00:15.134089Z app/web-prod/… 81.2.3.4:51234 10.0.1.24:80 0.001 0.023 0.000 200 200 …'
 */
export function formatAlbLine(plan: RequestPlan): string {
  scratch.pos = 0;
  writeAlbLine(scratch, plan);
  scratch.pos--;
  return scratch.toString();
}

/** formatAlbLine's text and a newline, written into `out`. */
export function writeAlbLine(out: AsciiWriter, plan: RequestPlan): void {
  const lb = plan.loadBalancer;
  out.bytes(isHttp2(plan.userAgent) ? H2 : HTTPS);
  responded.write(out, plan.respondedAt);
  out.bytes(elbOf.get(lb));
  out.ipv4(plan.clientAddress);
  out.byte(58);
  out.int(plan.clientPort);
  out.byte(32);
  const target = targetOf.get(plan.instance);
  out.bytes(target.target);
  seconds(out, plan.requestProcessing, false);
  seconds(out, plan.targetProcessing, true);
  seconds(out, plan.responseProcessing, false);
  out.bytes(statusesOf(plan.elbStatus, plan.targetStatus));
  out.int(plan.receivedBytes);
  out.byte(32);
  out.int(plan.sentBytes);
  out.byte(32);
  out.bytes(requestOf.get(plan.route).get(plan.tenant));
  out.text(plan.path);
  out.bytes(clientOf.get(lb).get(plan.userAgent));
  if (plan.selfEpoch >= 0) {
    out.bytes(SELF);
    writeTraceId(out, plan.selfEpoch, plan.self1, plan.self2, plan.self3);
    out.byte(59);
  }
  out.bytes(ROOT);
  writeTraceId(out, plan.traceEpoch, plan.trace1, plan.trace2, plan.trace3);
  out.bytes(domainAndCertificateOf.get(lb).get(plan.tenant));
  created.write(out, Math.floor(plan.receivedAt / 1000) * 1000);
  out.bytes(target.forward);
  out.bytes(tailOf(plan.targetStatus));
  out.hex(plan.conn1);
  out.hex(plan.conn2);
  out.hex(plan.conn3);
  out.hex(plan.conn4);
  out.bytes(END);
  out.byte(10);
}

function isHttp2(userAgent: string): boolean {
  return userAgent.startsWith('Mozilla');
}

/** A timing in seconds with three decimals and a trailing space; `-1` where ALB has none. */
function seconds(out: AsciiWriter, micros: number, roundUp: boolean): void {
  if (micros < 0) {
    out.byte(45);
    out.byte(49);
  } else {
    out.fixed(roundUp ? Math.ceil(micros / 1000) : Math.round(micros / 1000), 3);
  }
  out.byte(32);
}

// Status codes come from a small set: their text is kept ready, with what surrounds it.
const statusPairs = new Map<number, Buffer>();
const tails = new Map<number | null, Buffer>();

/** `elb_status_code target_status_code ` */
function statusesOf(elb: number, target: number | null): Buffer {
  if (target !== null && !(Number.isInteger(target) && target >= 0 && target < 999)) return bytesOf(`${elb} ${target} `);
  const key = elb * 1000 + (target ?? 999);
  let fragment = statusPairs.get(key);
  if (fragment === undefined) statusPairs.set(key, (fragment = bytesOf(`${elb} ${target ?? '-'} `)));
  return fragment;
}

/** The quoted target status and the fields up to the connection trace id. */
function tailOf(target: number | null): Buffer {
  let fragment = tails.get(target);
  if (fragment === undefined) tails.set(target, (fragment = bytesOf(`${target ?? '-'}" "-" "-" TID_`)));
  return fragment;
}
