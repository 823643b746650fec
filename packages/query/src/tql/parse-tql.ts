import { lexTql } from './lex-tql.ts';
import { parseFilter } from './parse-filter.ts';
import { parsePipe } from './parse-pipes.ts';
import { TokenStream, TqlSyntaxError } from './token-stream.ts';
import type { TqlPipe, TqlQuery, TqlResult } from './tql-ast.ts';

/**
 * Parses TQL into its syntax tree, or says where it stopped and what it
 * expected there. Never throws.
 *
 * @example
 * parseTql('status:>=500 host:web-3 | stats count() by path')
 * parseTql('status:>=') // { ok: false, column: 10, expected: 'a value to compare status with', … }
 */
export function parseTql(text: string): TqlResult<TqlQuery> {
  const lexed = lexTql(text);
  if (!lexed.ok) return lexed;
  const tokens = new TokenStream(lexed.value);
  try {
    const filter = parseFilter(tokens);
    const pipes: TqlPipe[] = [];
    if (!tokens.is('eof') && !tokens.is('pipe')) tokens.fail('AND, OR, another term, "|" or the end of the query');
    while (tokens.accept('pipe')) {
      pipes.push(parsePipe(tokens));
      if (!tokens.is('eof') && !tokens.is('pipe')) tokens.fail('"|" or the end of the query');
    }
    return { ok: true, value: { text, filter, pipes } };
  } catch (error) {
    if (error instanceof TqlSyntaxError) return { ok: false, ...error.problem };
    throw error;
  }
}
