/** A piece of a message template: literal text, or a property hole. */
export type TemplateToken =
  | { kind: 'text'; text: string }
  | {
      kind: 'hole';
      /** The hole as written, braces included, for rendering a missing property. */
      raw: string;
      name: string;
      /** `@` destructure, `$` stringify, or none. */
      capturing: '@' | '$' | null;
      /** Right-aligned width when positive, left-aligned when negative; null for none. */
      alignment: number | null;
      format: string | null;
    };

// messagetemplates.org: a name is letters, digits and underscores (a number
// for positional holes); alignment an optional `-` and digits; the format
// anything but `}`.
const HOLE = /^([@$]?)([A-Za-z0-9_]+)(?:,(-?\d+))?(?::([^}]*))?$/;

const cache = new Map<string, TemplateToken[]>();
// Templates are few and repeat on every event of their kind; the bound stops
// a sender that puts data in the template from growing the cache forever.
const CACHE_LIMIT = 5000;

/**
 * Splits a message template into text and holes, as Serilog does: `{{` and
 * `}}` are literal braces, and a malformed hole (`{ not a name}`, an
 * unclosed `{`) is kept as text. Parsed templates are cached; callers must
 * not mutate the tokens.
 *
 * @example
 * parseMessageTemplate('Hello, {User,-8:l}!')
 * // [{ kind: 'text', text: 'Hello, ' }, { kind: 'hole', raw: '{User,-8:l}', name: 'User', capturing: null, alignment: -8, format: 'l' },
 * //  { kind: 'text', text: '!' }]
 */
export function parseMessageTemplate(template: string): readonly TemplateToken[] {
  const cached = cache.get(template);
  if (cached !== undefined) return cached;
  const tokens = tokenize(template);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(template, tokens);
  return tokens;
}

function tokenize(template: string): TemplateToken[] {
  const tokens: TemplateToken[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i]!;
    if ((c === '{' || c === '}') && template[i + 1] === c) {
      text += c;
      i += 2;
      continue;
    }
    if (c === '{') {
      const close = template.indexOf('}', i + 1);
      const open = template.indexOf('{', i + 1);
      const hole = close === -1 || (open !== -1 && open < close) ? null : readHole(template.slice(i, close + 1));
      if (hole !== null) {
        if (text !== '') tokens.push({ kind: 'text', text });
        text = '';
        tokens.push(hole);
        i = close + 1;
        continue;
      }
    }
    text += c;
    i++;
  }
  if (text !== '') tokens.push({ kind: 'text', text });
  return tokens;
}

function readHole(raw: string): TemplateToken | null {
  const m = HOLE.exec(raw.slice(1, -1));
  if (!m) return null;
  return {
    kind: 'hole',
    raw,
    name: m[2]!,
    capturing: m[1] === '@' || m[1] === '$' ? m[1] : null,
    alignment: m[3] === undefined ? null : Number(m[3]),
    format: m[4] === undefined || m[4] === '' ? null : m[4],
  };
}
