/**
 * Rewrites positional `GROUP BY 1` / `ORDER BY 2 DESC` of the outermost
 * SELECT into the select items they point at, for servers before 22.7:
 * those read `GROUP BY 1` as grouping by the constant 1. An item with an
 * alias is named by its alias, else repeated whole. Text inside quotes and
 * parentheses is never touched; a query it cannot follow is left as it is.
 *
 * @example
 * positionalToNames('SELECT f(x) AS b, count() AS n FROM t GROUP BY 1 ORDER BY 1')
 * // 'SELECT f(x) AS b, count() AS n FROM t GROUP BY `b` ORDER BY `b`'
 */
export function positionalToNames(text: string): string {
  const tokens = topLevelTokens(text);
  const select = tokens.find((t) => /^select$/i.test(t.word));
  const from = tokens.find((t) => /^from$/i.test(t.word) && select && t.start > select.start);
  if (!select || !from) return text;
  const items = splitTopLevel(text, select.end, from.start);
  let result = '';
  let cursor = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const clause = /^(group|order)$/i.test(t.word) && /^by$/i.test(tokens[i + 1]?.word ?? '');
    if (!clause) continue;
    for (let j = i + 2; j < tokens.length; j++) {
      const n = tokens[j]!;
      if (!/^\d+$/.test(n.word)) {
        if (n.word === ',' || /^(asc|desc|nulls|first|last)$/i.test(n.word)) continue;
        break;
      }
      const item = items[Number(n.word) - 1];
      if (!item) return text;
      result += text.slice(cursor, n.start) + item;
      cursor = n.end;
    }
  }
  return result + text.slice(cursor);
}

interface Token {
  word: string;
  start: number;
  end: number;
}

/** Words, numbers and commas outside quotes and parentheses. */
function topLevelTokens(text: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === "'" || c === '`' || c === '"') i = skipQuoted(text, i);
    else if (c === '(' || c === ')') {
      depth += c === '(' ? 1 : -1;
      i += 1;
    } else if (/[A-Za-z0-9_]/.test(c)) {
      const start = i;
      while (i < text.length && /[A-Za-z0-9_.]/.test(text[i]!)) i += 1;
      if (depth === 0) tokens.push({ word: text.slice(start, i), start, end: i });
    } else {
      if (depth === 0 && c === ',') tokens.push({ word: ',', start: i, end: i + 1 });
      i += 1;
    }
  }
  return tokens;
}

function skipQuoted(text: string, open: number): number {
  const quote = text[open]!;
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === quote) return i + 1;
  }
  return text.length;
}

/** The select items between `start` and `end`, each as its alias (`AS name`) or its whole text. */
function splitTopLevel(text: string, start: number, end: number): string[] {
  const items: string[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i <= end; i++) {
    const c = text[i];
    if (c === "'" || c === '`' || c === '"') {
      i = skipQuoted(text, i) - 1;
      continue;
    }
    if (c === '(') depth += 1;
    if (c === ')') depth -= 1;
    if (i === end || (c === ',' && depth === 0)) {
      items.push(text.slice(from, i).trim());
      from = i + 1;
    }
  }
  return items.map((item) => {
    const alias = /\s+AS\s+(`(?:[^`\\]|\\.)*`|[A-Za-z_][A-Za-z0-9_]*)$/i.exec(item);
    return alias ? alias[1]! : item;
  });
}
