/**
 * An Elasticsearch answer reduced to the paths `filter_path` names
 * (`errors,items.*.error,items.*.status`, as Logstash asks for it): dotted
 * paths, `*` matching any one key or part of one, arrays passed through.
 * Exclusions (`-path`) are ignored: the full answer is a superset.
 *
 * @example
 * filterEsResponse({ took: 3, errors: false, items: [{ index: { status: 201, _id: 'a' } }] }, 'errors,items.*.status')
 * // { errors: false, items: [{ index: { status: 201 } }] }
 */
export function filterEsResponse(value: unknown, filterPath: string): unknown {
  const paths = filterPath
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '' && !p.startsWith('-'))
    .map((p) => p.split('.').map(segmentMatcher));
  if (paths.length === 0) return value;
  return pick(value, paths) ?? {};
}

type Matcher = (key: string) => boolean;

function segmentMatcher(segment: string): Matcher {
  if (segment === '*' || segment === '**') return () => true;
  if (!segment.includes('*')) return (key) => key === segment;
  const pattern = new RegExp(`^${segment.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return (key) => pattern.test(key);
}

function pick(value: unknown, paths: Matcher[][]): unknown {
  if (paths.some((p) => p.length === 0)) return value;
  if (Array.isArray(value)) {
    const kept = value.map((element) => pick(element, paths)).filter((element) => element !== undefined);
    return kept.length > 0 ? kept : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const rest = paths.filter((p) => p[0]!(key)).map((p) => p.slice(1));
    if (rest.length === 0) continue;
    const picked = pick(child, rest);
    if (picked !== undefined) out[key] = picked;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
