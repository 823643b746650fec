// fast-check generators shared by the trace-id tests. Test-only: nothing in
// the codec imports this file.
import fc from 'fast-check';
import type { AmznTraceHeader } from './amzn-trace-header.ts';

const LOWER_HEX = [...'0123456789abcdef'];
const ANY_CASE_HEX = [...'0123456789abcdefABCDEF'];
const KNOWN_KEYS = new Set(['root', 'parent', 'sampled', 'self', 'lineage']);

export function hexString(length: number, digits: string[] = LOWER_HEX): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...digits), minLength: length, maxLength: length });
}

/** Canonical trace ids: 32 lowercase hex, never all zeros. */
export const canonicalId = hexString(32).filter((s) => !/^0+$/.test(s));
/** 32 hex in either case, never all zeros. */
export const anyCaseHexId = hexString(32, ANY_CASE_HEX).filter((s) => !/^0+$/.test(s));
/** Span ids: 16 lowercase hex, never all zeros. */
export const spanId = hexString(16).filter((s) => !/^0+$/.test(s));

/** Field values as they survive parsing: no ";", no whitespace at the ends. */
const fieldValue = fc
  .string({ unit: fc.constantFrom(...'abcXYZ019-_:|=. '), maxLength: 20 })
  .filter((s) => s === s.trim());
const extraKey = fc
  .string({ unit: fc.constantFrom(...'abcdefXYZ-_0123'), minLength: 1, maxLength: 12 })
  .filter((k) => !KNOWN_KEYS.has(k.toLowerCase()));

/** Headers in the normalised shape that `parseAmznTraceHeader` returns. */
export const amznTraceHeader: fc.Arbitrary<AmznTraceHeader> = fc
  .record({
    traceId: fc.option(canonicalId),
    parent: fc.option(spanId),
    sampled: fc.option(fc.constantFrom('0' as const, '1' as const, '?' as const)),
    self: fc.option(fieldValue),
    lineage: fc.option(fieldValue),
    extra: fc.array(fc.tuple(extraKey, fieldValue), { maxLength: 4 }),
  })
  .map((r) => ({ ...r, root: r.traceId === null ? null : `1-${r.traceId.slice(0, 8)}-${r.traceId.slice(8)}` }))
  .filter((h) => h.root !== null || h.parent !== null || h.sampled !== null || h.self !== null || h.lineage !== null || h.extra.length > 0);

/**
 * A header written the untidy ways clients write it: known fields shuffled
 * among the extra ones (whose order is kept), known keys in random case,
 * whitespace around fields, keys and values, sometimes a trailing ";".
 */
export function untidyRendering(h: AmznTraceHeader): fc.Arbitrary<string> {
  const known = knownFields(h);
  const space = fc.constantFrom('', ' ', '\t', '  ');
  const part = ([key, value]: [string, string], isKnown: boolean) =>
    fc.tuple(space, fc.constantFrom('as-is', 'upper', 'lower'), space, space, space).map(([a, keyCase, b, c, d]) => {
      const k = !isKnown || keyCase === 'as-is' ? key : keyCase === 'upper' ? key.toUpperCase() : key.toLowerCase();
      return `${a}${k}${b}=${c}${value}${d}`;
    });
  const fields = fc.tuple(...known.map((f) => part(f, true)));
  const extras = fc.tuple(...h.extra.map((f) => part(f, false)));
  const order = fc.shuffledSubarray(known.map((_, i) => i), { minLength: known.length });
  const picks = fc.array(fc.boolean(), { minLength: known.length + h.extra.length, maxLength: known.length + h.extra.length });
  return fc.tuple(fields, extras, order, picks, fc.boolean()).map(([k, e, o, p, trailing]) => {
    const shuffled = o.map((i) => k[i] as string);
    const merged: string[] = [];
    for (const takeKnown of p) {
      const next = (takeKnown && shuffled.length > 0) || e.length === 0 ? shuffled.shift() : e.shift();
      if (next !== undefined) merged.push(next);
    }
    return merged.join(';') + (trailing ? ';' : '');
  });
}

function knownFields(h: AmznTraceHeader): Array<[string, string]> {
  const fields: Array<[string, string]> = [];
  if (h.root !== null) fields.push(['Root', h.root]);
  if (h.parent !== null) fields.push(['Parent', h.parent]);
  if (h.sampled !== null) fields.push(['Sampled', h.sampled]);
  if (h.self !== null) fields.push(['Self', h.self]);
  if (h.lineage !== null) fields.push(['Lineage', h.lineage]);
  return fields;
}

/**
 * Strings for "never throws" properties: plain text, and text built from the
 * characters the parsers look at (separators, key letters, hex, header
 * names), with a few non-ASCII and lone-surrogate code units.
 */
export const messyText: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom(...'Root=1-;Self:Parent0Sampled?1aAfF9 \t"\'`0123456789abcdefxX\u00a0é\ud83d'), maxLength: 80 }),
  fc.constantFrom('Root=1-', 'x-amzn-trace-id:', 'traceparent:', '00-', 'Root=', 'Self=').chain((head) =>
    fc.string({ unit: fc.constantFrom(...'1-;=0123456789abcdef '), maxLength: 60 }).map((tail) => head + tail),
  ),
);
