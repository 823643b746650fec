import type { TqlFilter } from './tql-ast.ts';

/**
 * The start second embedded in the trace id a filter looks up, when the
 * filter must hold that trace (a `trace:` clause alone or ANDed), so a
 * caller with no time range can look near it first.
 *
 * @example
 * traceEpochOf(parseTql('trace:1-5759e988-bd862e3fe1be46a994272793').value.filter) // 1465510280
 */
export function traceEpochOf(filter: TqlFilter): number | null {
  if (filter.kind === 'trace') return filter.epochSecond;
  if (filter.kind === 'and') return filter.items.map(traceEpochOf).find((e) => e !== null) ?? null;
  return null;
}
