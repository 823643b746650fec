import { spanIdFrom, traceIdFromProperties } from '../logs/trace-id-from-properties.ts';

const CANONICAL = /^[0-9a-f]{32}$/;
const ZERO = '0'.repeat(32);

/**
 * `traceIdFromProperties`, with a shortcut for the common case: the first
 * named property already holds a canonical id (32 lowercase hex, not all
 * zeros), which needs no parsing. Any other value goes through the full
 * reader, so the answer is the same either way.
 *
 * @example
 * traceOfProperties({ TraceId: '5759e988bd862e3fe1be46a994272793' }, ['TraceId'])
 * // { traceId: '5759e988bd862e3fe1be46a994272793', spanId: null }
 */
export function traceOfProperties(properties: Record<string, unknown>, names: readonly string[]): { traceId: string; spanId: string | null } | null {
  for (const name of names) {
    const value = properties[name];
    if (typeof value !== 'string' || value === '') continue;
    if (CANONICAL.test(value) && value !== ZERO) return { traceId: value, spanId: spanIdFrom(properties) };
    break;
  }
  return traceIdFromProperties(properties, names);
}
