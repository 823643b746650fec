// The load balancer's view of the request (from its access-log rows in the
// story), placed on the trace's time axis: arrival to response, with the
// request, target and response phases. Tracing alone never shows this.
import type { Story } from '../../api/index.ts';
import { isoToMicros } from './trace-model.ts';

/** One ALB record of the trace, times in epoch microseconds. */
export interface BalancerAttempt {
  attempt: number;
  lbName: string;
  status: number | null;
  targetStatus: number | null;
  startUs: number;
  endUs: number;
  phases: { name: string; startUs: number; endUs: number }[];
  unaccountedMs: number | null;
}

const numberOrNull = (value: unknown) => (value === null || value === undefined || value === '' ? null : Number(value));

/** The story's load-balancer records on an absolute time axis. */
export function balancerAttempts(story: Story): BalancerAttempt[] {
  const origin = isoToMicros(story.origin);
  const at = (ms: number) => origin + Math.round(ms * 1000);
  return story.requests.map((r) => ({
    attempt: r.attempt,
    lbName: typeof r.lb_name === 'string' ? r.lb_name : 'load balancer',
    status: numberOrNull(r.elb_status_code),
    targetStatus: numberOrNull(r.target_status_code),
    startUs: at(r.startMs),
    endUs: at(r.endMs),
    phases: r.phases.map((p) => ({ name: p.name, startUs: at(p.startMs), endUs: at(p.endMs) })),
    unaccountedMs: r.unaccountedMs,
  }));
}
