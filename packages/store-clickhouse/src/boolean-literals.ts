/**
 * `TRUE` and `FALSE` as 1 and 0, for servers before 21.12, which know
 * neither word (`WHERE TRUE` fails with "Unknown identifier"). Only words
 * outside quotes change, so a string or quoted name that says "true" stays.
 *
 * @example
 * booleanLiteralsToNumbers("WHERE TRUE AND name <> 'true'") // "WHERE 1 AND name <> 'true'"
 */
export function booleanLiteralsToNumbers(text: string): string {
  if (!/\b(true|false)\b/i.test(text)) return text;
  let result = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'" || c === '`' || c === '"') {
      const end = closingQuote(text, i);
      result += text.slice(i, end);
      i = end;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 64))?.[0];
    if (word) {
      const after = text[i + word.length];
      const member = text[i - 1] === '.' || after === '(';
      result += !member && /^true$/i.test(word) ? '1' : !member && /^false$/i.test(word) ? '0' : word;
      i += word.length;
      continue;
    }
    result += c;
    i += 1;
  }
  return result;
}

function closingQuote(text: string, open: number): number {
  const quote = text[open]!;
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === quote) return i + 1;
  }
  return text.length;
}
