import { canonicalFromXray, XRAY_ID_LENGTH, xrayIdProblem, xrayToCanonical } from './xray-id.ts';

// ALB writes "Root=1-…" alone when the request came without a header, which
// is most lines; that case is decided in place, without regex or split.
const ROOT_PREFIX = 'Root=';
const ROOT_ID_START = ROOT_PREFIX.length;
const ROOT_ID_END = ROOT_ID_START + XRAY_ID_LENGTH;
const SEMICOLON = 0x3b;
const EDGE_SEPARATORS = /^[\s;]+|[\s;]+$/g;

/**
 * The canonical trace id of the Root in an ALB log's `trace_id` field, or
 * null when it has no well-formed Root. Agrees with `parseAmznTraceHeader`
 * whenever that accepts the field, and is more lenient otherwise: a valid
 * Root still links the request to its trace when another field (a client's
 * `Sampled=yes`) is malformed. With several Roots, the first counts.
 *
 * @example
 * traceIdFromAmznTraceField('Self=1-67891233-12456789abcdef012345678;Root=1-67891233-abcdef012345678912345678')
 * // '67891233abcdef012345678912345678'
 */
export function traceIdFromAmznTraceField(field: string): string | null {
  if (rootLeadsField(field)) {
    return xrayIdProblem(field, ROOT_ID_START, ROOT_ID_END) === null ? canonicalFromXray(field, ROOT_ID_START) : null;
  }
  const root = findRootField(field);
  if (root === null) return null;
  const id = xrayToCanonical(root.value);
  return id.ok ? id.value : null;
}

/**
 * The field less its Root (`Self=1-…;CalledFrom=app`), or null when Root was
 * all there was, so a store can keep the canonical id and this remainder
 * instead of the id twice. Root is removed only when it yields an id
 * (`traceIdFromAmznTraceField` is non-null); otherwise the whole field is
 * returned, so nothing is lost. Field order is not kept: Root goes first
 * when the header is rebuilt.
 *
 * @example
 * amznTraceFieldRemainder('Root=1-58337262-36d228ad5d99923122bbe354') // null
 * amznTraceFieldRemainder('Self=1-6…;Root=1-6…;CalledFrom=app')       // 'Self=1-6…;CalledFrom=app'
 */
export function amznTraceFieldRemainder(field: string): string | null {
  if (rootLeadsField(field) && xrayIdProblem(field, ROOT_ID_START, ROOT_ID_END) === null) {
    return field.length === ROOT_ID_END ? null : tidy(field.slice(ROOT_ID_END + 1));
  }
  const root = findRootField(field);
  if (root === null || !xrayToCanonical(root.value).ok) return tidy(field);
  // The part before Root keeps its trailing ";", which joins it to the part after.
  return tidy(field.slice(0, root.start) + field.slice(root.end + 1));
}

/** True when the field opens with "Root=1-" and a 35-char id ends that field. */
function rootLeadsField(field: string): boolean {
  return (
    field.startsWith('Root=1-') && (field.length === ROOT_ID_END || field.charCodeAt(ROOT_ID_END) === SEMICOLON)
  );
}

/**
 * The first `;`-separated part whose key is Root (any case, trimmed as
 * `parseAmznTraceHeader` trims), with its bounds in `field`.
 */
function findRootField(field: string): { start: number; end: number; value: string } | null {
  let start = 0;
  while (start <= field.length) {
    const next = field.indexOf(';', start);
    const end = next === -1 ? field.length : next;
    const part = field.slice(start, end);
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim().toLowerCase() === 'root') {
      return { start, end, value: part.slice(eq + 1).trim() };
    }
    start = end + 1;
  }
  return null;
}

/** Drops separators and whitespace at either end; null when nothing is left. */
function tidy(rest: string): string | null {
  const trimmed = rest.replace(EDGE_SEPARATORS, '');
  return trimmed === '' ? null : trimmed;
}
