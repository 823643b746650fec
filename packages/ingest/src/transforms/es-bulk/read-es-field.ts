// Paths are few and fixed (`log.level`, `trace.id`, …): split each once.
const splitPaths = new Map<string, string[]>();

/**
 * The value at an ECS-style dotted path, whether the document spells the
 * key dotted (`{"log.level": "warn"}`), nests it (`{"log": {"level": "warn"}}`)
 * or mixes both (`{"log": {"origin.file": …}}`): Elasticsearch indexes all of
 * them as the same field, so shippers use them interchangeably.
 *
 * @example
 * readEsField({ trace: { id: 'abc' } }, 'trace.id') // 'abc'
 * readEsField({ 'trace.id': 'abc' }, 'trace.id')   // 'abc'
 */
export function readEsField(doc: Record<string, unknown>, path: string): unknown {
  const direct = doc[path];
  if (direct !== undefined && Object.hasOwn(doc, path)) return direct;
  let parts = splitPaths.get(path);
  if (parts === undefined) {
    parts = path.split('.');
    splitPaths.set(path, parts);
  }
  if (parts.length === 1) return undefined;
  const head = doc[parts[0]!];
  if (!isPlainObject(head)) return parts.length > 2 ? readMixed(doc, path) : undefined;
  // Two parts, the common case: nested one level.
  if (parts.length === 2) return Object.hasOwn(head, parts[1]!) ? head[parts[1]!] : undefined;
  return readMixed(doc, path);
}

/** Every split of a longer path into a dotted head and the rest. */
function readMixed(doc: Record<string, unknown>, path: string): unknown {
  let dot = path.indexOf('.');
  while (dot > 0) {
    const head = doc[path.slice(0, dot)];
    if (isPlainObject(head)) {
      const found = readEsField(head, path.slice(dot + 1));
      if (found !== undefined) return found;
    }
    dot = path.indexOf('.', dot + 1);
  }
  return undefined;
}

/** A JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
