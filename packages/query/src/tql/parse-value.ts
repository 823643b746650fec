import type { PatternPiece, TqlValue } from './tql-ast.ts';
import type { Token } from './lex-tql.ts';

/**
 * A word or quoted phrase as a value. In a word, `\` escapes the next
 * character and an unescaped `*` or `?` is a wildcard; a quoted phrase is
 * always exact.
 */
export function parseValue(token: Token): TqlValue {
  if (token.kind === 'string') return { text: token.text, wildcard: false, pattern: [{ literal: token.text }], quoted: true, column: token.column };
  const pattern: PatternPiece[] = [];
  let literal = '';
  let text = '';
  let wildcard = false;
  const raw = token.text;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\\' && i + 1 < raw.length) {
      literal += raw[i + 1];
      text += raw[i + 1];
      i++;
    } else if (ch === '*' || ch === '?') {
      if (literal) pattern.push({ literal });
      literal = '';
      pattern.push({ any: ch });
      text += ch;
      wildcard = true;
    } else {
      literal += ch;
      text += ch;
    }
  }
  if (literal || pattern.length === 0) pattern.push({ literal });
  return { text, wildcard, pattern, quoted: false, column: token.column };
}
