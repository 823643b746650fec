import type { Attributes } from './read-any-value.ts';

/**
 * The first of `keys` whose attribute is a non-empty string: semantic
 * conventions renamed many attributes (`http.method` became
 * `http.request.method`), so callers list the current name first and the
 * older ones after it. Numbers are rendered as text (ports, for instance).
 *
 * @example
 * stringAttribute({ 'http.method': 'GET' }, 'http.request.method', 'http.method') // 'GET'
 */
export function stringAttribute(attributes: Attributes, ...keys: string[]): string | null {
  for (const key of keys) {
    if (!Object.hasOwn(attributes, key)) continue;
    const value = attributes[key];
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return null;
}

/**
 * The first of `keys` whose attribute is an integer (or a string of digits,
 * which some instrumentations send for status codes).
 *
 * @example
 * intAttribute({ 'http.status_code': '503' }, 'http.response.status_code', 'http.status_code') // 503
 */
export function intAttribute(attributes: Attributes, ...keys: string[]): number | null {
  for (const key of keys) {
    if (!Object.hasOwn(attributes, key)) continue;
    const value = attributes[key];
    const n = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;
    if (typeof n === 'number' && Number.isSafeInteger(n)) return n;
  }
  return null;
}
