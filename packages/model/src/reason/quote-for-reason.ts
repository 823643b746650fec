// Failure reasons quote the offending input so an operator can find it, but a
// pasted blob or a hostile header must not turn one reason into kilobytes.
const MAX_QUOTED = 60;

/**
 * A value as a failure reason shows it: JSON text, at most 60 characters of
 * it, with the full length when cut; bytes by their count.
 *
 * @example
 * quoteForReason('1-58337262') // '"1-58337262"'
 * quoteForReason('x'.repeat(100)) // '"xxxx…xxx"… (100 chars)'
 */
export function quoteForReason(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value instanceof Uint8Array) return `${value.length} bytes`;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') {
    return value.length <= MAX_QUOTED ? JSON.stringify(value) : `${JSON.stringify(value.slice(0, MAX_QUOTED))}… (${value.length} chars)`;
  }
  const text = JSON.stringify(value) ?? String(value);
  return text.length <= MAX_QUOTED ? text : `${text.slice(0, MAX_QUOTED)}… (${text.length} chars)`;
}
