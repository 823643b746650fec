import { parseAnyTraceId } from '@tinsel/model';
import type { Token } from './lex-tql.ts';
import { parseValue } from './parse-value.ts';
import type { CompareOp, TqlFieldRef, TqlFilter, TqlValue } from './tql-ast.ts';
import { refuse, type TokenStream } from './token-stream.ts';

const MAX_DEPTH = 64;
const KEYWORDS = new Set(['AND', 'OR', 'NOT']);
const TERM = 'a search term, field:value, "phrase", NOT or ('; 

/**
 * The filter part of TQL, Lucene-style:
 *
 *   or    := and (OR and)*
 *   and   := unary ((AND)? unary)*        adjacent terms are ANDed
 *   unary := (NOT | -) unary | ( or ) | field:value | "phrase" | word
 */
export function parseFilter(tokens: TokenStream): TqlFilter {
  if (tokens.is('pipe') || tokens.is('eof')) return { kind: 'all' };
  return parseOr(tokens, 0);
}

function parseOr(tokens: TokenStream, depth: number): TqlFilter {
  const items = [parseAnd(tokens, depth)];
  while (tokens.accept('word', 'OR')) items.push(parseAnd(tokens, depth));
  return items.length === 1 ? items[0]! : { kind: 'or', items };
}

function parseAnd(tokens: TokenStream, depth: number): TqlFilter {
  const items = [parseUnary(tokens, depth)];
  for (;;) {
    if (tokens.accept('word', 'AND')) items.push(parseUnary(tokens, depth));
    else if (startsTerm(tokens.peek())) items.push(parseUnary(tokens, depth));
    else break;
  }
  return items.length === 1 ? items[0]! : { kind: 'and', items };
}

function startsTerm(token: Token): boolean {
  if (token.kind === 'word') return token.text !== 'AND' && token.text !== 'OR';
  return token.kind === 'field' || token.kind === 'string' || token.kind === 'minus' || token.kind === 'lparen';
}

function parseUnary(tokens: TokenStream, depth: number): TqlFilter {
  if (depth > MAX_DEPTH) tokens.fail(TERM, tokens.peek(), `query nests deeper than ${MAX_DEPTH} levels at column ${tokens.peek().column}`);
  const not = tokens.accept('word', 'NOT') ?? tokens.accept('minus');
  if (not) return { kind: 'not', item: parseUnary(tokens, depth + 1), column: not.column };
  if (tokens.accept('lparen')) {
    const inner = parseOr(tokens, depth + 1);
    tokens.expect('rparen', '")" or another term');
    return inner;
  }
  const token = tokens.peek();
  if (token.kind === 'field') return parseFieldClause(tokens);
  if (token.kind === 'string' || (token.kind === 'word' && !KEYWORDS.has(token.text))) {
    tokens.next();
    if (token.kind === 'word' && token.text === '*') return { kind: 'all' };
    return token.kind === 'word' ? (bareTraceId(token) ?? { kind: 'text', value: parseValue(token) }) : { kind: 'text', value: parseValue(token) };
  }
  return tokens.fail(TERM);
}

function parseFieldClause(tokens: TokenStream): TqlFilter {
  const fieldToken = tokens.next();
  const field: TqlFieldRef = { name: fieldToken.text, column: fieldToken.column };
  const op = tokens.accept('op');
  if (op) return { kind: 'compare', field, op: op.text as CompareOp, value: expectValue(tokens, `a value to compare ${field.name} with`) };
  const open = tokens.accept('lbracket') ?? tokens.accept('lbrace');
  if (open) return parseRange(tokens, field, open);
  const value = expectValue(tokens, `a value for ${field.name}`);
  if (field.name === '_exists_') return { kind: 'exists', field: { name: value.text, column: value.column } };
  if (field.name === 'trace') return traceClause(fieldToken, value);
  if (!value.quoted && value.text === '*') return { kind: 'exists', field };
  return { kind: 'match', field, value };
}

function expectValue(tokens: TokenStream, expected: string): TqlValue {
  const token = tokens.peek();
  if (token.kind !== 'word' && token.kind !== 'string') tokens.fail(expected);
  tokens.next();
  return parseValue(token);
}

function parseRange(tokens: TokenStream, field: TqlFieldRef, open: Token): TqlFilter {
  const lower = expectValue(tokens, 'the lower bound of the range (or *)');
  tokens.expect('word', '"TO"', 'TO');
  const upper = expectValue(tokens, 'the upper bound of the range (or *)');
  const close = tokens.accept('rbracket') ?? tokens.accept('rbrace');
  if (!close) tokens.fail('"]" or "}" to close the range');
  const open_ = (v: TqlValue) => (!v.quoted && v.text === '*' ? null : v);
  return { kind: 'range', field, lower: open_(lower), upper: open_(upper), lowerInclusive: open.kind === 'lbracket', upperInclusive: close.kind === 'rbracket' };
}

/**
 * An id pasted alone is a trace lookup, as if `trace:` preceded it: an
 * X-Ray id, a `Root=…` header value, a traceparent or 32 hex digits. Quote
 * it to search for the text instead.
 */
function bareTraceId(token: Token): TqlFilter | null {
  if (!/^(1-[0-9a-f]{8}-|Root=|[0-9a-f]{2}-[0-9a-f]{32}-|[0-9a-f]{32}$)/i.test(token.text)) return null;
  const parsed = parseAnyTraceId(token.text);
  return parsed.ok ? { kind: 'trace', traceId: parsed.value.traceId, epochSecond: parsed.value.epochSecond, column: token.column } : null;
}

function traceClause(fieldToken: Token, value: TqlValue): TqlFilter {
  const parsed = parseAnyTraceId(value.text);
  if (!parsed.ok) refuse(`trace: ${parsed.reason} (column ${value.column})`, value.column, 'a trace id: an X-Ray id, 32 hex digits or an X-Amzn-Trace-Id header');
  return { kind: 'trace', traceId: parsed.value.traceId, epochSecond: parsed.value.epochSecond, column: fieldToken.column };
}
