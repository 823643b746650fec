import type { SpanRecord } from '@tinsel/model';
import { flattenInto, type Attributes } from './span-attributes.ts';
import { isXrayObject, type XrayObject } from './xray-object.ts';

const INT32_MAX = 2_147_483_647;

/**
 * Maps an `http` block: `request.method`/`url` and `response.status` to
 * their columns, every other field to `http.<path>` in `attributes`
 * (`http.request.client_ip`, `http.request.user_agent`,
 * `http.request.x_forwarded_for`, `http.response.content_length`), except
 * `request.traced`, which goes to `xray.traced` with the top-level `traced`
 * some SDKs write: one fact, one key.
 *
 * @example
 * readXrayHttp({ request: { method: 'GET' }, response: { status: 200 } }, span, attributes);
 * // span.http_method === 'GET', span.http_status === 200
 */
export function readXrayHttp(http: XrayObject, span: SpanRecord, attributes: Attributes): void {
  for (const key in http) {
    const part = http[key];
    if (key === 'request' && isXrayObject(part)) readRequest(part, span, attributes);
    else if (key === 'response' && isXrayObject(part)) readResponse(part, span, attributes);
    else flattenInto(attributes, `http.${key}`, part);
  }
}

function readRequest(request: XrayObject, span: SpanRecord, attributes: Attributes): void {
  for (const key in request) {
    const value = request[key];
    if (key === 'method' && typeof value === 'string') span.http_method = value;
    else if (key === 'url' && typeof value === 'string') span.http_url = value;
    else if (key === 'traced') attributes['xray.traced'] = value;
    else flattenInto(attributes, `http.request.${key}`, value);
  }
}

function readResponse(response: XrayObject, span: SpanRecord, attributes: Attributes): void {
  for (const key in response) {
    const value = response[key];
    if (key === 'status') {
      const status = integerOf(value);
      if (status !== null && status >= 0 && status <= INT32_MAX) span.http_status = status;
      else attributes['http.response.status'] = value;
    } else if (key === 'content_length') {
      // Some SDKs write the length as a string; -1 (unknown) is kept as sent.
      attributes['http.response.content_length'] = integerOf(value) ?? value;
    } else {
      flattenInto(attributes, `http.response.${key}`, value);
    }
  }
}

/** An integer, or the integer a decimal string spells; null otherwise. */
function integerOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : null;
}
