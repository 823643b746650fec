import type { Token, TokenKind } from './lex-tql.ts';
import type { TqlProblem } from './tql-ast.ts';

/** Thrown inside the parser and compiler only, and turned into a `TqlResult` at their edges. */
export class TqlSyntaxError extends Error {
  constructor(readonly problem: TqlProblem) {
    super(problem.reason);
  }
}

/** Stops parsing or compiling with a problem at a column. */
export function refuse(reason: string, column: number, expected: string, kind: TqlProblem['kind'] = 'value'): never {
  throw new TqlSyntaxError({ kind, reason, column, expected });
}

/** A cursor over tokens with the helpers a recursive-descent parser needs. */
export class TokenStream {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)]!;
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  is(kind: TokenKind, text?: string): boolean {
    const token = this.peek();
    return token.kind === kind && (text === undefined || token.text === text);
  }

  accept(kind: TokenKind, text?: string): Token | null {
    return this.is(kind, text) ? this.next() : null;
  }

  expect(kind: TokenKind, expected: string, text?: string): Token {
    const token = this.accept(kind, text);
    if (!token) this.fail(expected);
    return token;
  }

  /** Stops parsing: `found X at column N, expected …`. */
  fail(expected: string, token: Token = this.peek(), reason?: string): never {
    const found = token.kind === 'eof' ? 'end of query' : `"${token.text}"`;
    throw new TqlSyntaxError({ kind: 'syntax', reason: reason ?? `expected ${expected} at column ${token.column}, found ${found}`, column: token.column, expected });
  }
}
