import { fail, ok, type Result } from '@tinsel/model';
import { MAX_JSON_NESTING, nestsTooDeep } from '../json-nesting.ts';
import { isOtlpObject, type OtlpObject } from './otlp-field.ts';

/**
 * Parses an OTLP/JSON body into its top-level object. An empty body is an
 * empty request (OTLP: "empty request ⇒ success"); a UTF-8 byte order mark
 * is skipped. Anything else that is not a JSON object fails with the parse
 * error, for a 400.
 *
 * @example
 * parseOtlpJson(Buffer.from('{"resourceSpans":[]}')) // ok({ resourceSpans: [] })
 * parseOtlpJson(Buffer.from('[1]')) // fail('OTLP/JSON body must be an object, got an array')
 */
export function parseOtlpJson(body: Buffer): Result<OtlpObject> {
  let text = body.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return ok({});
  if (nestsTooDeep(text)) return fail(`body is not valid OTLP/JSON: it nests deeper than ${MAX_JSON_NESTING} levels`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return fail(`body is not valid JSON: ${(error as Error).message}`);
  }
  if (isOtlpObject(parsed)) return ok(parsed);
  const got = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`;
  return fail(`OTLP/JSON body must be an object, got ${got}`);
}
