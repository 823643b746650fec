import type { RequestPlan } from '../request/request-plan.ts';
import { IsoMicros } from './iso-micros.ts';

const times = new IsoMicros();

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
  const lb = plan.loadBalancer;
  const http2 = plan.userAgent.startsWith('Mozilla');
  const target = `${plan.instance.ip}:80`;
  const targetStatus = plan.targetStatus === null ? '-' : String(plan.targetStatus);
  const created = Math.floor(plan.receivedAt / 1000) * 1000;
  return (
    `${http2 ? 'h2' : 'https'} ${times.format(plan.respondedAt)} ${lb.resourceId} ${plan.clientIp}:${plan.clientPort} ${target} ` +
    `${seconds(plan.requestProcessing, false)} ${seconds(plan.targetProcessing, true)} ${seconds(plan.responseProcessing, false)} ` +
    `${plan.elbStatus} ${targetStatus} ${plan.receivedBytes} ${plan.sentBytes} ` +
    `"${plan.route.method} https://${plan.tenant.domain}:443${plan.path} ${http2 ? 'HTTP/2.0' : 'HTTP/1.1'}" "${plan.userAgent}" ` +
    `${http2 ? 'TLS_AES_128_GCM_SHA256 TLSv1.3' : 'ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2'} ${lb.targetGroupArn} "${plan.self === null ? '' : `Self=${plan.self};`}Root=${plan.traceId}" "${plan.tenant.domain}" "${lb.certificateArn}" ` +
    `0 ${times.format(created)} "forward" "-" "-" "${target}" "${targetStatus}" "-" "-" ${plan.connTraceId} "-" "-" "-"`
  );
}

function seconds(micros: number, roundUp: boolean): string {
  if (micros < 0) return '-1';
  return ((roundUp ? Math.ceil(micros / 1000) : Math.round(micros / 1000)) / 1000).toFixed(3);
}
