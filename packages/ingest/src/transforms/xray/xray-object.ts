/** One JSON object of a segment document, as `JSON.parse` returns it. */
export type XrayObject = Record<string, unknown>;

/**
 * True for a JSON object (not null, not an array): the only shape a segment,
 * a subsegment or one of their blocks (`http`, `aws`, `sql`…) may have.
 *
 * @example
 * isXrayObject({ id: 'defdfd9912dc5a56' }) // true
 * isXrayObject([1, 2])                     // false
 */
export function isXrayObject(value: unknown): value is XrayObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
