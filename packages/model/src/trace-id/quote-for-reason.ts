// Failure reasons quote the offending input so an operator can find it, but a
// pasted blob or a hostile header must not turn one reason into kilobytes.
const MAX_QUOTED = 60;

/**
 * JSON-quotes `s` for use inside a failure reason, cut to a readable length.
 *
 * @example
 * quoteForReason('Root=abc') // '"Root=abc"'
 */
export function quoteForReason(s: string): string {
  if (s.length <= MAX_QUOTED) return JSON.stringify(s);
  return `${JSON.stringify(s.slice(0, MAX_QUOTED))}… (${s.length} chars)`;
}
