import type { TqlValue } from './tql-ast.ts';

/** A TQL wildcard value as a LIKE pattern: `*` → `%`, `?` → `_`, and `%`, `_`, `\` in the text escaped with `\`. */
export function likePattern(value: TqlValue): string {
  return value.pattern.map((piece) => ('any' in piece ? (piece.any === '*' ? '%' : '_') : piece.literal.replace(/[\\%_]/g, (c) => `\\${c}`))).join('');
}

/** A LIKE pattern that matches the value anywhere inside the text: `time*` → `%time%`. */
export function containsPattern(value: TqlValue): string {
  const pattern = likePattern(value);
  return `${pattern.startsWith('%') ? '' : '%'}${pattern}${pattern.endsWith('%') && !pattern.endsWith('\\%') ? '' : '%'}`;
}
