const HOLE = /\{\{|\}\}|\{([@$]?)([A-Za-z_][\w.]*)(?:,[^:}]*)?(?::[^}]*)?\}/g;

/**
 * Renders a Serilog-style message template with its properties: `{Name}`
 * holes take the property's value (`{@Name}` and `{$Name}` too, alignment and
 * format ignored), `{{` and `}}` are literal braces, and a hole with no
 * property stays as written, so nothing is lost.
 *
 * @example
 * renderTemplate('Order {OrderId} failed after {Ms} ms', { OrderId: 'o-42', Ms: 12 })
 * // 'Order o-42 failed after 12 ms'
 */
export function renderTemplate(template: string, properties: Record<string, unknown>): string {
  return template.replace(HOLE, (whole, _operator: string | undefined, name: string | undefined) => {
    if (whole === '{{') return '{';
    if (whole === '}}') return '}';
    if (name === undefined || !(name in properties)) return whole;
    return renderValue(properties[name]);
  });
}

function renderValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return '[unprintable]';
    }
  }
  return String(value);
}
