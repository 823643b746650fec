import type { AggFn, TqlAgg, TqlFieldRef, TqlPipe, TqlSortKey } from './tql-ast.ts';
import type { TokenStream } from './token-stream.ts';

const AGG_FNS: readonly AggFn[] = ['count', 'sum', 'avg', 'min', 'max', 'p50', 'p90', 'p95', 'p99', 'count_distinct'];
const PIPES = 'stats, timechart, sort, head or fields';
const NAME = /^[A-Za-z_@][\w.@-]*$/;
const SPAN = /^(\d+)(s|m|h|d)$/;
const SPAN_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };
/** The most rows `head` may ask for; the API caps results anyway. */
export const MAX_HEAD = 100_000;

/** One pipe after `|`: `stats`, `timechart`, `sort`, `head` or `fields`. */
export function parsePipe(tokens: TokenStream): TqlPipe {
  const word = tokens.peek();
  if (word.kind !== 'word') tokens.fail(PIPES);
  tokens.next();
  const column = word.column;
  switch (word.text) {
    case 'stats': {
      const aggs = parseAggs(tokens);
      return { kind: 'stats', aggs, by: parseBy(tokens), column };
    }
    case 'timechart': {
      const spanSeconds = parseSpan(tokens);
      const aggs = tokens.is('word', 'by') || tokens.is('pipe') || tokens.is('eof') ? [countAgg(column)] : parseAggs(tokens);
      return { kind: 'timechart', spanSeconds, aggs, by: parseBy(tokens), column };
    }
    case 'sort':
      return { kind: 'sort', keys: list(tokens, () => parseSortKey(tokens)), column };
    case 'head':
      return { kind: 'head', count: parseCount(tokens), column };
    case 'fields':
      return { kind: 'fields', fields: list(tokens, () => parseName(tokens, 'a field name')), column };
    default:
      return tokens.fail(PIPES, word, `unknown pipe "${word.text}" at column ${column}; expected ${PIPES}`);
  }
}

function list<T>(tokens: TokenStream, item: () => T): T[] {
  const items = [item()];
  while (tokens.accept('comma')) items.push(item());
  return items;
}

function parseName(tokens: TokenStream, expected: string): TqlFieldRef {
  const token = tokens.peek();
  if (token.kind !== 'word' || !NAME.test(token.text) || token.text === 'by') tokens.fail(expected);
  tokens.next();
  return { name: token.text, column: token.column };
}

function parseAggs(tokens: TokenStream): TqlAgg[] {
  return list(tokens, () => parseAgg(tokens));
}

function countAgg(column: number): TqlAgg {
  return { fn: 'count', field: null, name: 'count', column };
}

function parseAgg(tokens: TokenStream): TqlAgg {
  const fnToken = tokens.peek();
  const expected = `an aggregation: ${AGG_FNS.join(', ')}`;
  if (fnToken.kind !== 'word' || !AGG_FNS.includes(fnToken.text as AggFn)) tokens.fail(expected);
  tokens.next();
  const fn = fnToken.text as AggFn;
  let field: TqlFieldRef | null = null;
  if (tokens.accept('lparen')) {
    if (!tokens.is('rparen')) field = parseName(tokens, 'a field name or ")"');
    tokens.expect('rparen', '")"');
  }
  if (fn !== 'count' && field === null) tokens.fail(`a field: ${fn}(field)`, fnToken, `${fn} needs a field, as in ${fn}(duration), at column ${fnToken.column}`);
  let name = field === null ? fn : `${fn}_${field.name.replace(/[^\w]/g, '_')}`;
  if (tokens.accept('word', 'as')) name = parseName(tokens, 'a name for the result column').name;
  return { fn, field, name, column: fnToken.column };
}

function parseBy(tokens: TokenStream): TqlFieldRef[] {
  if (!tokens.accept('word', 'by')) return [];
  return list(tokens, () => parseName(tokens, 'a field to group by'));
}

function parseSpan(tokens: TokenStream): number | null {
  const token = tokens.peek();
  if (token.kind !== 'word') return null;
  if (token.text === 'auto') {
    tokens.next();
    return null;
  }
  const match = SPAN.exec(token.text);
  if (!match) return null;
  tokens.next();
  const seconds = Number(match[1]) * SPAN_SECONDS[match[2]!]!;
  if (seconds < 1) tokens.fail('a span of at least 1s, such as 1m, 5m or 1h', token);
  return seconds;
}

function parseSortKey(tokens: TokenStream): TqlSortKey {
  const token = tokens.peek();
  const descending = token.kind === 'word' && token.text.startsWith('-');
  const name = descending ? token.text.slice(1) : token.text;
  if (token.kind !== 'word' || !NAME.test(name)) tokens.fail('a field to sort by, - before it for descending');
  tokens.next();
  return { name, descending, column: token.column };
}

function parseCount(tokens: TokenStream): number {
  const token = tokens.peek();
  const count = Number(token.text);
  if (token.kind !== 'word' || !/^\d+$/.test(token.text) || count < 1 || count > MAX_HEAD) tokens.fail(`a number of rows from 1 to ${MAX_HEAD}`);
  tokens.next();
  return count;
}
