import type { SpanRecord } from '@tinsel/model';
import type { XrayException } from './read-xray-cause.ts';
import type { XrayBuiltSpan } from './xray-node-to-span.ts';

/**
 * The spans with their `exceptions` column filled. A `cause` that is an
 * exception id gets a copy of that exception, marked `"referenced": true`,
 * when another node of the same document recorded it (SDKs do this when an
 * exception passes up through several subsegments). An id recorded in some
 * other document is kept as `[{"id": …, "referenced": true}]`, so that a
 * reader can still look it up across the trace.
 *
 * @example
 * resolveCauses(builtSpans) // SpanRecord[] in the same order
 */
export function resolveCauses(built: readonly XrayBuiltSpan[]): SpanRecord[] {
  let byId: Map<string, XrayException> | null = null;
  let hasReference = false;
  for (const { cause } of built) {
    if (cause === null) continue;
    if (cause.reference !== null) hasReference = true;
    for (const exception of cause.exceptions ?? []) {
      if (exception.id === undefined) continue;
      byId ??= new Map();
      // The first record of an id is the original; later ones are copies.
      if (!byId.has(exception.id)) byId.set(exception.id, exception);
    }
  }
  const spans = new Array<SpanRecord>(built.length);
  for (let i = 0; i < built.length; i++) {
    const { span, cause } = built[i]!;
    if (cause?.exceptions) span.exceptions = JSON.stringify(cause.exceptions);
    else if (hasReference && cause?.reference) {
      const found = byId?.get(cause.reference);
      span.exceptions = JSON.stringify([found ? { ...found, referenced: true } : { id: cause.reference, referenced: true }]);
    }
    spans[i] = span;
  }
  return spans;
}
