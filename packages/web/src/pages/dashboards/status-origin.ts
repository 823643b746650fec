// Who produced an error answer: the target (the load balancer passed its
// status on) or the load balancer itself (no answer from the target, a
// timeout, a refused connection, a client that gave up). The same split
// the request story makes, in the words of the ALB's two status fields.

/** The kind of answer one request got. */
export type StatusOrigin = 'ok' | '4xx-target' | '4xx-alb' | '5xx-target' | '5xx-alb';

/**
 * Classifies one request by `elb_status_code` and `target_status_code`.
 *
 * @example statusOrigin(504, null) // '5xx-alb'
 */
export function statusOrigin(elb: unknown, target: unknown): StatusOrigin {
  const e = typeof elb === 'number' ? elb : Number(elb);
  const t = target === null || target === undefined ? null : Number(target);
  const klass = Math.floor(e / 100);
  if (!Number.isFinite(e) || (klass !== 4 && klass !== 5)) return 'ok';
  const fromTarget = t !== null && Math.floor(t / 100) === klass;
  return `${klass}xx-${fromTarget ? 'target' : 'alb'}` as StatusOrigin;
}

/** TQL selecting the requests of one origin, for the click-through to Search. */
export const ORIGIN_FILTER: Record<Exclude<StatusOrigin, 'ok'>, string> = {
  '4xx-target': 'elb_status_code:4xx target_status_code:4xx',
  '4xx-alb': 'elb_status_code:4xx NOT target_status_code:4xx',
  '5xx-target': 'elb_status_code:5xx target_status_code:5xx',
  '5xx-alb': 'elb_status_code:5xx NOT target_status_code:5xx',
};

/** Labels for legends and headings. */
export const ORIGIN_LABEL: Record<StatusOrigin, string> = {
  ok: 'answered below 400',
  '4xx-target': '4xx from the target',
  '4xx-alb': '4xx from the load balancer',
  '5xx-target': '5xx from the target',
  '5xx-alb': '5xx from the load balancer',
};

/** The request story's verdict for a status pair, named as the story names it. */
export function outcomeOf(elb: unknown, target: unknown): { key: string; label: string; filter: string } {
  const e = Number(elb);
  if (e === 460) return { key: 'client-gave-up', label: 'client gave up (460)', filter: 'elb_status_code:460' };
  switch (statusOrigin(elb, target)) {
    case '5xx-target':
      return { key: 'failed-in-app', label: 'failed in the app', filter: ORIGIN_FILTER['5xx-target'] };
    case '5xx-alb':
      return { key: 'died-at-load-balancer', label: 'died at the load balancer', filter: ORIGIN_FILTER['5xx-alb'] };
    case '4xx-target':
    case '4xx-alb':
      return { key: 'client-error', label: 'client error (4xx)', filter: 'elb_status_code:4xx NOT elb_status_code:460' };
    default:
      return { key: 'served', label: 'served', filter: 'elb_status_code:<400' };
  }
}
