import type { Result } from '@tinsel/model';
import { ApiError } from '../../errors.ts';

/** `from` and `to` (default `defaultFrom` to now) as epoch microseconds, `to` inclusive to the microsecond. */
export function timeRange(
  q: { from?: string | undefined; to?: string | undefined },
  parse: (text: string, nowMs: number) => Result<number>,
  defaultFrom = '-1h',
): { from: number; to: number } {
  const now = Date.now();
  const from = parse(q.from ?? defaultFrom, now);
  const to = parse(q.to ?? 'now', now);
  if (!from.ok) throw new ApiError('TINSEL_ERR_BAD_REQUEST', `from: ${from.reason}`);
  if (!to.ok) throw new ApiError('TINSEL_ERR_BAD_REQUEST', `to: ${to.reason}`);
  return { from: from.value, to: to.value + 1 };
}
