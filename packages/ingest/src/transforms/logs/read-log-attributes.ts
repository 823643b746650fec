import { fail, ok, quoteForReason, type Result } from '@tinsel/model';
import { isOtlpObject } from '../otlp/otlp-field.ts';
import { readAnyValue, readAttributes, type Attributes } from '../otlp/read-any-value.ts';

/**
 * Reads OTLP attributes into `into` as `readAttributes` does, with a fast
 * path for the common pair `{key, value: {stringValue | intValue |
 * doubleValue | boolValue}}`: plain assignment keeps `into` a fast object,
 * which matters when every log record of a busy service goes through here.
 * Anything less common (snake_case names, nested values, odd types) goes
 * the general way, so the result is the same.
 *
 * @example
 * readLogAttributes([{ key: 'cart.id', value: { stringValue: 'c-1' } }], {}) // ok({ 'cart.id': 'c-1' })
 */
export function readLogAttributes(list: unknown, into: Attributes): Result<Attributes> {
  if (list === undefined || list === null) return ok(into);
  if (!Array.isArray(list)) return fail(`attributes must be an array, got ${quoteForReason(list)}`);
  for (let i = 0; i < list.length; i++) {
    const pair: unknown = list[i];
    const key = isOtlpObject(pair) ? pair.key : undefined;
    const value = isOtlpObject(pair) ? pair.value : undefined;
    if (typeof key !== 'string' || key === '__proto__' || !isOtlpObject(value)) return readAttributes(list.slice(i), into);
    const scalar = value.stringValue ?? value.boolValue ?? value.doubleValue;
    if (typeof scalar === 'string' || typeof scalar === 'boolean' || (typeof scalar === 'number' && Number.isFinite(scalar) && value.stringValue === undefined)) {
      into[key] = scalar;
      continue;
    }
    const read = readAnyValue(value, 1);
    if (!read.ok) return fail(`attribute ${quoteForReason(key)}: ${read.reason}`);
    into[key] = read.value;
  }
  return ok(into);
}
