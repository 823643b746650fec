import { formatDate } from './format-date.ts';
import { formatNumber } from './format-number.ts';

/**
 * Renders a property value into a message the way Serilog's message
 * templates do, from its JSON form: strings in double quotes (unquoted with
 * the `l` format), `null`, numbers and dates by their .NET format string,
 * arrays as `[1, 2]`, objects as `{ Name: value }` (prefixed with their
 * `$type` when they carry one), and anything as JSON with the `j` format.
 * JSON booleans render as `true`/`false`.
 *
 * @example
 * renderPropertyValue('nblumhardt', null) // '"nblumhardt"'
 * renderPropertyValue({ Lat: 25, Long: 134 }, null) // '{ Lat: 25, Long: 134 }'
 * renderPropertyValue(0.5, '0.00') // '0.50'
 */
export function renderPropertyValue(value: unknown, format: string | null): string {
  if (format === 'j') return JSON.stringify(value) ?? 'null';
  if (typeof value === 'string') {
    if (format === 'l') return value;
    const date = format === null ? null : formatDate(value, format);
    return date ?? `"${value.replace(/"/g, '\\"')}"`;
  }
  if (typeof value === 'number') return (format === null ? null : formatNumber(value, format)) ?? String(value);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((item) => renderPropertyValue(item, null)).join(', ')}]`;
  if (typeof value === 'object') return renderStructure(value as Record<string, unknown>);
  return String(value);
}

function renderStructure(object: Record<string, unknown>): string {
  const type = object.$type;
  const parts: string[] = [];
  for (const key of Object.keys(object)) {
    if (key === '$type') continue;
    parts.push(`${key}: ${renderPropertyValue(object[key], null)}`);
  }
  const body = parts.length === 0 ? '{ }' : `{ ${parts.join(', ')} }`;
  return typeof type === 'string' && type !== '' ? `${type} ${body}` : body;
}
