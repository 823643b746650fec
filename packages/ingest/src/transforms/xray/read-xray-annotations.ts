import { newAttributes, type Attributes } from './span-attributes.ts';
import type { XrayObject } from './xray-object.ts';

/**
 * The `annotations` column: the annotations as a JSON object, or null when
 * there are none. X-Ray indexes only string, number and boolean values and
 * its API refuses others, so a null, object or array value is dropped here
 * rather than stored as something a filter could never match; the dropped
 * keys are listed in `xray.dropped_annotations` so that the loss shows.
 *
 * @example
 * readXrayAnnotations({ zip_code: 98101, internal: false, tags: ['a'] }, attributes)
 * // '{"zip_code":98101,"internal":false}', attributes['xray.dropped_annotations'] = ['tags']
 */
export function readXrayAnnotations(annotations: XrayObject, attributes: Attributes): string | null {
  const kept = newAttributes();
  let count = 0;
  let dropped: string[] | null = null;
  for (const key in annotations) {
    const value = annotations[key];
    const type = typeof value;
    if (type === 'string' || type === 'number' || type === 'boolean') {
      kept[key] = value;
      count++;
    } else {
      (dropped ??= []).push(key);
    }
  }
  if (dropped !== null) attributes['xray.dropped_annotations'] = dropped;
  return count === 0 ? null : JSON.stringify(kept);
}
