import type { AttributeValue, Attributes } from './read-any-value.ts';

const ANNOTATION_LIST_KEY = 'aws.xray.annotations';

/**
 * The annotations of a span as a JSON object, or null. OTLP has no
 * annotations; the X-Ray exporter makes one of every attribute whose key is
 * listed in the `aws.xray.annotations` attribute (a string array, on the
 * span or its resource), so Tinsel does the same. As in X-Ray, a key keeps
 * only letters, digits and `_` (others become `_`), and only string, number
 * and boolean values qualify. The attributes stay in `attributes` too.
 *
 * @example
 * xrayAnnotations({ 'aws.xray.annotations': ['tenant.id'], 'tenant.id': 'acme' }, {})
 * // '{"tenant_id":"acme"}'
 */
export function xrayAnnotations(span: Attributes, resource: Attributes): string | null {
  const keys = [...listedKeys(resource[ANNOTATION_LIST_KEY]), ...listedKeys(span[ANNOTATION_LIST_KEY])];
  if (keys.length === 0) return null;
  const annotations: Record<string, AttributeValue> = {};
  let found = false;
  for (const key of keys) {
    const value = Object.hasOwn(span, key) ? span[key] : Object.hasOwn(resource, key) ? resource[key] : undefined;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
    Object.defineProperty(annotations, key.replace(/[^A-Za-z0-9_]/g, '_'), {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    found = true;
  }
  return found ? JSON.stringify(annotations) : null;
}

function listedKeys(list: AttributeValue | undefined): string[] {
  if (typeof list === 'string') return [list];
  return Array.isArray(list) ? list.filter((key): key is string => typeof key === 'string') : [];
}
