const SPAN_ID_LENGTH = 16;

/**
 * The lowercase span id when `value` is 16 hex digits (either case), else
 * null. X-Ray segment and subsegment ids are OTel span ids (FORMATS.md 5.6),
 * stored lowercase so that a span joins its OTLP children. Walks char codes:
 * every span of every document passes here.
 *
 * @example
 * spanIdOf('53995C3F42CD8AD8') // '53995c3f42cd8ad8'
 * spanIdOf('53995c3f')         // null
 */
export function spanIdOf(value: unknown): string | null {
  if (typeof value !== 'string' || value.length !== SPAN_ID_LENGTH) return null;
  let upper = false;
  for (let i = 0; i < SPAN_ID_LENGTH; i++) {
    const c = value.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66)) continue;
    if (c >= 0x41 && c <= 0x46) {
      upper = true;
      continue;
    }
    return null;
  }
  return upper ? value.toLowerCase() : value;
}
