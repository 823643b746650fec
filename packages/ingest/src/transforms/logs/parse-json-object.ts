import { fail, ok, type Result } from '@tinsel/model';
import { MAX_JSON_NESTING, nestsTooDeep } from '../json-nesting.ts';

/**
 * Parses one line of JSON that must be an object, with the reason when it
 * is not (for the dead letter and Seq's 400 body).
 *
 * @example
 * parseJsonObject('{"a":1}') // ok({ a: 1 })
 * parseJsonObject('[1]')     // fail('expected a JSON object, got an array')
 */
export function parseJsonObject(line: string): Result<Record<string, unknown>> {
  if (nestsTooDeep(line)) return fail(`JSON nests deeper than ${MAX_JSON_NESTING} levels`);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return fail(`invalid JSON: ${(error as Error).message}`);
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return ok(value as Record<string, unknown>);
  return fail(`expected a JSON object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`}`);
}
