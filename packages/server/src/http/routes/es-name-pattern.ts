/**
 * Whether an index, alias or template name matches an Elasticsearch name
 * expression: a comma list of names, each with `*` wildcards.
 *
 * @example
 * matchesEsPattern('logs-2026.11.26', 'metrics-*,logs-*') // true
 */
export function matchesEsPattern(name: string, expression: string): boolean {
  return expression.split(',').some((part) => {
    const pattern = part.trim();
    if (pattern === '*' || pattern === '_all') return true;
    if (!pattern.includes('*')) return name === pattern;
    return new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`).test(name);
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
