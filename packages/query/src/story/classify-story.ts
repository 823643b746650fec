import type { ResultRow } from '@tinsel/store';
import { describeLoadBalancerAnswer } from './describe-load-balancer-answer.ts';
import { findAppFailure, type AppFailure } from './find-app-failure.ts';
import type { StoryClassification, StoryLog, StoryOutcome, StorySpan } from './story.ts';

/** An ALB attempt as the classifier needs it: its row, its number and how long the load balancer held it. */
export interface ClassifiedAttempt {
  row: ResultRow;
  attempt: number;
  heldMs: number;
}

type Verdict = Pick<StoryClassification, 'kind' | 'reason' | 'span' | 'exception'>;

/**
 * The verdict on one ALB attempt. The target never answered (no target
 * status) and the load balancer sent an error: died at the load balancer.
 * The target answered 5xx, or the load balancer sent 5xx over a target's
 * answer: failed in the app, naming the span and exception that did it. A
 * 4xx is a client error; anything else was served (by the target, or by a
 * redirect or fixed response of the load balancer itself).
 */
export function classifyAttempt(attempt: ClassifiedAttempt, spans: readonly StorySpan[], logs: readonly StoryLog[]): Verdict {
  const { row } = attempt;
  const elb = typeof row.elb_status_code === 'number' ? row.elb_status_code : null;
  const target = typeof row.target_status_code === 'number' ? row.target_status_code : null;
  if (target === null) {
    if (elb !== null && elb < 400) return plain('served', `the load balancer answered ${elb} itself (${String(row.actions_executed ?? 'no action logged')}); no target was involved`);
    if (elb !== null && elb < 500 && elb !== 460 && elb !== 463 && elb !== 464) return plain('client-error', describeLoadBalancerAnswer(row, attempt.heldMs));
    return plain('died-at-load-balancer', describeLoadBalancerAnswer(row, attempt.heldMs) + stillWorking(spans, attempt.heldMs));
  }
  if (target >= 500 || (elb !== null && elb >= 500)) {
    const status = target >= 500 ? `the target answered ${target}` : `the target answered ${target} but the load balancer sent ${elb}`;
    return appFailure(status, findAppFailure(spans, logs));
  }
  if (target >= 400) return plain('client-error', `the target answered ${target} to ${String(row.request_method ?? '')} ${String(row.request_path ?? '')}`.trim());
  const tookMs = typeof row.target_processing_time === 'number' ? ` in ${Math.round(row.target_processing_time * 1000)} ms` : '';
  return plain('served', `the target answered ${target}${tookMs}`);
}

/**
 * The story's verdict: the last attempt's (the one the client saw), with
 * every attempt's own verdict listed when there were several. Without an
 * ALB record, the root span's status and the log levels decide.
 *
 * @example
 * classifyStory(attempts, spans, logs).kind // 'died-at-load-balancer'
 */
export function classifyStory(attempts: readonly ClassifiedAttempt[], spans: readonly StorySpan[], logs: readonly StoryLog[]): StoryClassification {
  if (attempts.length === 0) return { ...classifyWithoutAlb(spans, logs), attempt: null };
  const verdicts = attempts.map((a) => ({ attempt: a.attempt, ...classifyAttempt(a, spans.filter((s) => s.attempt === a.attempt), logs.filter((l) => l.attempt === a.attempt)) }));
  const last = verdicts[verdicts.length - 1]!;
  if (verdicts.length === 1) return last;
  const earlier = verdicts.slice(0, -1).map((v) => `attempt ${v.attempt}: ${v.kind}`).join(', ');
  return {
    ...last,
    reason: `attempt ${last.attempt} of ${verdicts.length}: ${last.reason} (${earlier})`,
    attempts: verdicts.map((v) => ({ attempt: v.attempt, kind: v.kind, reason: v.reason })),
  };
}

function classifyWithoutAlb(spans: readonly StorySpan[], logs: readonly StoryLog[]): Verdict {
  const root = spans.find((s) => s.depth === 0 && s.kind === 'server') ?? spans.find((s) => s.depth === 0);
  const failure = findAppFailure(spans, logs);
  const noAlb = 'no load-balancer record for this trace';
  if (root?.status === 'fault' || (root === undefined && failure !== null)) return appFailure(noAlb, failure);
  if (root === undefined) return plain('unknown', `${noAlb}, and no spans; ${logs.length} log lines, none at error level`);
  const answered = typeof root.http_status === 'number' ? `answered ${root.http_status}` : `ended ${String(root.status)}`;
  const kind: StoryOutcome = root.status === 'error' || root.status === 'throttle' ? 'client-error' : 'served';
  return plain(kind, `${noAlb}; ${String(root.service)} span "${String(root.name)}" ${answered}`);
}

function appFailure(status: string, failure: AppFailure | null): Verdict {
  if (failure === null) return plain('failed-in-app', `${status}; no span or log line of the request recorded the failure`);
  const where = failure.span ? `${String(failure.span.service)} span "${String(failure.span.name)}"` : `a ${String(failure.log?.level)} log line`;
  const what = failure.exception ? ` with ${[failure.exception.type, failure.exception.message].filter((x) => x !== null).join(': ')}` : '';
  const logged = failure.log && failure.span ? ` (logged: ${String(failure.log.message ?? failure.log.message_template ?? '')})` : '';
  return {
    kind: 'failed-in-app',
    reason: `${status}; ${where} failed${what}${logged}`,
    span: failure.span ? { span_id: String(failure.span.span_id), service: String(failure.span.service), name: String(failure.span.name) } : null,
    exception: failure.exception,
  };
}

/** When the app did answer in its own time, say so: the load balancer had given up on it. */
function stillWorking(spans: readonly StorySpan[], heldMs: number): string {
  const root = spans.find((s) => s.depth === 0 && typeof s.duration_ms === 'number');
  if (!root) return '';
  const ms = root.duration_ms as number;
  const took = ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
  const verb = ms > heldMs ? 'was still working' : 'had run';
  return `; the app ${verb}: ${String(root.service)} span "${String(root.name)}" took ${took} and ended ${String(root.status)}`;
}

function plain(kind: StoryOutcome, reason: string): Verdict {
  return { kind, reason, span: null, exception: null };
}
