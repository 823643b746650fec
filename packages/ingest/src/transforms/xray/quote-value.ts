// Failure reasons quote what was found so an operator can find it in the
// document, but a 60 kB string must not turn one reason into kilobytes.
const MAX_QUOTED = 60;

/**
 * A JSON-looking rendering of `value` for a failure reason, cut to a
 * readable length.
 *
 * @example
 * quoteValue('abc')     // '"abc"'
 * quoteValue(undefined) // 'nothing'
 */
export function quoteValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  if (text.length <= MAX_QUOTED) return text;
  return `${text.slice(0, MAX_QUOTED)}… (${text.length} chars)`;
}
