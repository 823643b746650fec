import type { ResultRow } from '@tinsel/store';

// What the load balancer means by the statuses it sends itself, in the words
// of the ALB troubleshooting guide's causes.
const causes: Record<number, string> = {
  400: 'the load balancer rejected a malformed request',
  401: 'the user failed authentication at the load balancer',
  403: 'the load balancer refused the request (a WAF rule or a listener rule)',
  405: 'the load balancer does not allow this method',
  408: 'the client did not send the whole request before the idle timeout',
  413: 'the request body was larger than the load balancer accepts',
  414: 'the request line was longer than the load balancer accepts',
  431: 'the request headers were larger than the load balancer accepts',
  460: 'the client closed the connection before the load balancer could answer',
  463: 'the X-Forwarded-For header listed too many addresses',
  464: 'the request protocol does not match the target group protocol',
  500: 'the load balancer failed internally (an authenticate action or a WAF call erred)',
  501: 'the load balancer does not implement the request (an unsupported Transfer-Encoding)',
  502: 'the target closed the connection or sent a response the load balancer could not read',
  503: 'the target group had no healthy target to send the request to',
  504: 'the target did not answer before the idle timeout',
  505: 'the HTTP version is not supported',
  561: 'the identity provider refused the authentication',
};

/**
 * A sentence for a response the load balancer made up itself (no target
 * status): its cause by status, the ALB `error_reason` when logged, and how
 * long the load balancer held the request.
 *
 * @example
 * describeLoadBalancerAnswer({ elb_status_code: 504, ... }, 60_000)
 * // 'ALB answered 504 after 60.0 s without a response from 10.0.0.1:80: the target did not answer before the idle timeout'
 */
export function describeLoadBalancerAnswer(row: ResultRow, heldMs: number): string {
  const status = typeof row.elb_status_code === 'number' ? row.elb_status_code : null;
  const target = row.target_ip ? ` from ${String(row.target_ip)}${row.target_port ? `:${String(row.target_port)}` : ''}` : ' (no target was chosen)';
  const cause = status === null ? 'the load balancer logged no status' : (causes[status] ?? `the load balancer answered ${status} itself`);
  const reason = row.error_reason ? `; error_reason ${String(row.error_reason)}` : '';
  return `ALB answered ${status ?? '-'} after ${formatHeld(heldMs)} without a response${target}: ${cause}${reason}`;
}

function formatHeld(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}
