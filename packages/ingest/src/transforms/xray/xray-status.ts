import type { XrayObject } from './xray-object.ts';

/** The `status` column's values for X-Ray documents. */
export type XrayStatus = 'ok' | 'error' | 'throttle' | 'fault';

/**
 * The status of a segment or subsegment from its `fault` (5xx), `throttle`
 * (429) and `error` (4xx) flags. Several may be true at once; the most
 * serious wins, fault > throttle > error, so that a throttled request that
 * also set `error` (as SDKs do for every 4xx) still counts as throttled.
 *
 * @example
 * xrayStatus({ error: true, throttle: true }) // 'throttle'
 */
export function xrayStatus(node: XrayObject): XrayStatus {
  if (node['fault'] === true) return 'fault';
  if (node['throttle'] === true) return 'throttle';
  if (node['error'] === true) return 'error';
  return 'ok';
}
