import { parseMessageTemplate } from './parse-message-template.ts';
import { renderPropertyValue } from './render-property-value.ts';

/**
 * Renders a message template with an event's properties, as Seq shows it:
 * each `{Name}` hole is replaced by its property's rendered value (see
 * `renderPropertyValue`) padded to its alignment; a hole whose property is
 * missing stays as written. `renderings` is CLEF's `@r`: one pre-rendered
 * text per hole that has a format, in order; when its count matches, those
 * texts are used instead of formatting here (the sender's culture wins).
 *
 * @example
 * renderMessageTemplate('Hello, {User}', { User: 'nblumhardt' }) // 'Hello, "nblumhardt"'
 * renderMessageTemplate('{Elapsed:0.0} ms', { Elapsed: 12.34 }) // '12.3 ms'
 * renderMessageTemplate('{Elapsed:0.0} ms', { Elapsed: 12.34 }, ['12,3']) // '12,3 ms'
 */
export function renderMessageTemplate(template: string, properties: Record<string, unknown>, renderings?: readonly unknown[] | null): string {
  const tokens = parseMessageTemplate(template);
  const usable = renderings && renderings.length === countFormatted(tokens) ? renderings : null;
  let out = '';
  let formatted = 0;
  for (const token of tokens) {
    if (token.kind === 'text') {
      out += token.text;
      continue;
    }
    const rendering = token.format !== null && usable ? usable[formatted] : undefined;
    if (token.format !== null) formatted++;
    if (!Object.hasOwn(properties, token.name)) {
      out += token.raw;
      continue;
    }
    const text = typeof rendering === 'string' ? rendering : renderPropertyValue(properties[token.name], token.format);
    out += align(text, token.alignment);
    // A template repeating the hole of a large property multiplies the event's size, past V8's longest string (a throw).
    if (out.length > MAX_RENDERED_CHARS) return `${out.slice(0, MAX_RENDERED_CHARS)}…`;
  }
  return out;
}

const MAX_RENDERED_CHARS = 1024 * 1024;

function countFormatted(tokens: ReturnType<typeof parseMessageTemplate>): number {
  let n = 0;
  for (const token of tokens) if (token.kind === 'hole' && token.format !== null) n++;
  return n;
}

// Alignment lays out columns; a wider one is a broken or hostile template: an
// 80-byte event asking `{Name,300000000}` would otherwise render a 300 MB
// message, and a wider still throws (past the longest string V8 allows).
const MAX_ALIGNMENT = 1024;

function align(text: string, alignment: number | null): string {
  if (alignment === null) return text;
  const width = Math.min(Math.abs(alignment), MAX_ALIGNMENT);
  return alignment < 0 ? text.padEnd(width) : text.padStart(width);
}
