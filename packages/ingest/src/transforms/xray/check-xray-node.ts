import { fail, ok, quoteForReason, type Result } from '@tinsel/model';
import { epochSecondsToMicros } from './epoch-seconds-to-micros.ts';
import { spanIdOf } from './span-id-of.ts';
import type { XrayObject } from './xray-object.ts';

/** What every segment and subsegment must have, checked and converted. */
export interface XrayNodeCore {
  /** Lowercase 16 hex. */
  id: string;
  name: string;
  /** Epoch microseconds. */
  start: number;
  /** Epoch microseconds; null while in progress. */
  end: number | null;
}

/**
 * Checks the fields X-Ray requires of a segment or subsegment: `id` (16 hex),
 * `name`, `start_time`, and `end_time` or `in_progress: true`. The reason
 * names the field; the caller says which node it is.
 *
 * A document with both `end_time` and `in_progress: true` is taken as
 * complete: the end time is the newer fact (X-Ray replaces an in-progress
 * document with the complete one).
 *
 * @example
 * checkXrayNode({ id: 'defdfd9912dc5a56', name: 'shop', start_time: 2, end_time: 1 }, Infinity)
 * // fail('end_time 1 is before start_time 2')
 */
export function checkXrayNode(node: XrayObject, latestStart: number): Result<XrayNodeCore> {
  const id = spanIdOf(node['id']);
  if (id === null) return fail(node['id'] === undefined ? 'id is missing' : `id must be 16 hex digits, got ${quoteForReason(node['id'])}`);
  const name = node['name'];
  if (typeof name !== 'string' || name === '') {
    return fail(name === undefined ? 'name is missing' : `name must be a non-empty string, got ${quoteForReason(name)}`);
  }
  const start = epochSecondsToMicros(node['start_time']);
  if (Number.isNaN(start)) return fail(timeProblem('start_time', node['start_time']));
  if (start > latestStart) {
    return fail(`start_time ${quoteForReason(node['start_time'])} is more than a day after the time of receipt (check the clock or the unit: X-Ray times are epoch seconds)`);
  }
  const rawEnd = node['end_time'];
  if (rawEnd === undefined || rawEnd === null) {
    if (node['in_progress'] === true) return ok({ id, name, start, end: null });
    return fail('has neither end_time nor "in_progress": true');
  }
  const end = epochSecondsToMicros(rawEnd);
  if (Number.isNaN(end)) return fail(timeProblem('end_time', rawEnd));
  if (end < start) return fail(`end_time ${quoteForReason(rawEnd)} is before start_time ${quoteForReason(node['start_time'])}`);
  return ok({ id, name, start, end });
}

function timeProblem(field: string, value: unknown): string {
  if (value === undefined) return `${field} is missing`;
  if (typeof value === 'number' && value > 0) {
    return `${field} ${quoteForReason(value)} is too large for epoch seconds (milliseconds or microseconds sent as seconds?)`;
  }
  return `${field} must be epoch seconds as a non-negative number, got ${quoteForReason(value)}`;
}
