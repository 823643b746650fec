import { hexTraceIdProblem } from './canonical-trace-id.ts';
import { XRAY_ID_LENGTH, xrayIdProblem } from './xray-id.ts';

/** 2015-01-01T00:00:00Z. X-Ray ids did not exist before it (the service launched in 2016). */
export const EARLIEST_PLAUSIBLE_EPOCH_SECOND = 1_420_070_400;
/** Allowance for clocks that run ahead of Tinsel's own. */
const FUTURE_SLACK_SECONDS = 86_400;

/**
 * The epoch second written in the first 8 hex digits of an X-Ray id
 * (`1-5759e988-…`) or a 32-hex id, or null when `id` is neither. The number
 * is only a time if whoever minted the id put one there: see
 * `plausibleEpochSecond`.
 *
 * @example
 * epochSecondOfTraceId('1-5759e988-bd862e3fe1be46a994272793') // 1465510280
 * epochSecondOfTraceId('5759e988bd862e3fe1be46a994272793')    // 1465510280
 */
export function epochSecondOfTraceId(id: string): number | null {
  if (id.length === XRAY_ID_LENGTH) {
    return xrayIdProblem(id) === null ? Number.parseInt(id.slice(2, 10), 16) : null;
  }
  return hexTraceIdProblem(id) === null ? Number.parseInt(id.slice(0, 8), 16) : null;
}

/**
 * The epoch second of `id` only when it could be the time the trace began:
 * between 2015-01-01 and one day past `now` (epoch milliseconds).
 *
 * Why: X-Ray ids carry their start time, but W3C/OTel ids are random, and so
 * are ids that X-Ray accepts in W3C form. Read as a time, a random prefix is
 * any instant between 1970 and 2106; searching around it would miss the trace.
 * This filter drops most such ids, not all: roughly one random id in ten
 * (more each year) still lands in the window, so treat the result as a hint
 * for where to look first, never as a bound that can hide the trace.
 *
 * @example
 * plausibleEpochSecond('1-5759e988-bd862e3fe1be46a994272793') // 1465510280
 * plausibleEpochSecond('f1e2d3c4b5a6978812345678abcdef01')    // null (year 2098)
 */
export function plausibleEpochSecond(id: string, now: number = Date.now()): number | null {
  const epoch = epochSecondOfTraceId(id);
  if (epoch === null) return null;
  const latest = Math.floor(now / 1000) + FUTURE_SLACK_SECONDS;
  return epoch >= EARLIEST_PLAUSIBLE_EPOCH_SECOND && epoch <= latest ? epoch : null;
}
