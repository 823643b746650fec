import type { Result } from '@tinsel/model';
import { ApiError } from '../../errors.ts';

/** `from` and `to` query parameters (default the last hour) as epoch microseconds; `to` is inclusive to the microsecond. */
export function timeRange(q: Record<string, string | undefined>, parse: (text: string, nowMs: number) => Result<number>): { from: number; to: number } {
  const now = Date.now();
  const from = parse(q.from ?? '-1h', now);
  const to = parse(q.to ?? 'now', now);
  if (!from.ok) throw new ApiError('TINSEL_ERR_BAD_REQUEST', `from: ${from.reason}`);
  if (!to.ok) throw new ApiError('TINSEL_ERR_BAD_REQUEST', `to: ${to.reason}`);
  return { from: from.value, to: to.value + 1 };
}
