import { tqlFail, type TqlResult } from './tql-ast.ts';

export type TokenKind = 'word' | 'field' | 'string' | 'op' | 'minus' | 'lparen' | 'rparen' | 'lbracket' | 'rbracket' | 'lbrace' | 'rbrace' | 'pipe' | 'comma' | 'eof';

/** One token: `text` is the field name, the quoted text (escapes resolved) or the raw word (escapes kept). */
export interface Token {
  kind: TokenKind;
  text: string;
  column: number;
}

const FIELD_NAME = /^[A-Za-z_@][\w.@-]*$/;
const PUNCTUATION: Record<string, TokenKind> = { '(': 'lparen', ')': 'rparen', '|': 'pipe' };

/**
 * Splits TQL into tokens. The filter (before the first `|`) and the pipes
 * follow different rules: in the filter a word runs to the next space, so
 * `url:http://x:80/a,b` is one field and one value; in the pipes commas and
 * parentheses separate (`count_distinct(client_ip), max(duration)`).
 */
export function lexTql(text: string): TqlResult<Token[]> {
  const lexer = new Lexer(text);
  return lexer.run();
}

class Lexer {
  private i = 0;
  private readonly tokens: Token[] = [];
  private mode: 'filter' | 'pipe' = 'filter';
  /** After `field:` (and an operator): the next word is a value, never a field. */
  private valueNext = false;
  /** Inside `[a TO b]` or `{a TO b}`. */
  private inRange = false;

  constructor(private readonly text: string) {}

  run(): TqlResult<Token[]> {
    while (this.i < this.text.length) {
      const ch = this.text[this.i]!;
      if (/\s/.test(ch)) {
        this.i++;
        continue;
      }
      const problem = ch === '"' ? this.quoted() : this.mode === 'pipe' ? this.pipeToken(ch) : this.filterToken(ch);
      if (problem) return problem;
    }
    this.tokens.push({ kind: 'eof', text: '', column: this.text.length + 1 });
    return { ok: true, value: this.tokens };
  }

  private push(kind: TokenKind, text: string, start: number): void {
    this.tokens.push({ kind, text, column: start + 1 });
  }

  private quoted(): TqlResult<Token[]> | null {
    const start = this.i;
    let value = '';
    this.i++;
    while (this.i < this.text.length && this.text[this.i] !== '"') {
      if (this.text[this.i] === '\\' && this.i + 1 < this.text.length) this.i++;
      value += this.text[this.i];
      this.i++;
    }
    if (this.i >= this.text.length) return tqlFail(`unterminated quoted phrase starting at column ${start + 1}`, start + 1, 'a closing "');
    this.i++;
    this.push('string', value, start);
    this.valueNext = false;
    return null;
  }

  private pipeToken(ch: string): null {
    const start = this.i;
    const single: Record<string, TokenKind> = { '(': 'lparen', ')': 'rparen', '|': 'pipe', ',': 'comma' };
    const kind = single[ch];
    if (kind) {
      this.i++;
      this.push(kind, ch, start);
      return null;
    }
    while (this.i < this.text.length && !/[\s(),|"]/.test(this.text[this.i]!)) this.i++;
    this.push('word', this.text.slice(start, this.i), start);
    return null;
  }

  private filterToken(ch: string): null {
    const start = this.i;
    const punctuation = PUNCTUATION[ch];
    if (punctuation) {
      this.i++;
      this.push(punctuation, ch, start);
      if (punctuation === 'pipe') this.mode = 'pipe';
      this.valueNext = false;
      this.inRange = false;
      return null;
    }
    if (this.inRange && (ch === ']' || ch === '}')) {
      this.inRange = false;
      return this.single(ch === ']' ? 'rbracket' : 'rbrace', false);
    }
    if (this.valueNext && (ch === '[' || ch === '{')) {
      this.inRange = true;
      return this.single(ch === '[' ? 'lbracket' : 'lbrace', false);
    }
    if (this.valueNext && (ch === '>' || ch === '<')) {
      const op = this.text[this.i + 1] === '=' ? `${ch}=` : ch;
      this.i += op.length;
      this.push('op', op, start);
      return null;
    }
    if (!this.valueNext && !this.inRange && ch === '-' && this.i + 1 < this.text.length && !/[\s-]/.test(this.text[this.i + 1]!)) {
      return this.single('minus', false);
    }
    this.word(start);
    return null;
  }

  private single(kind: TokenKind, valueNext: boolean): null {
    this.push(kind, this.text[this.i]!, this.i);
    this.i++;
    this.valueNext = valueNext;
    return null;
  }

  private word(start: number): void {
    const canBeField = !this.valueNext && !this.inRange;
    const stop = this.inRange ? /[\s()"|\]}]/ : /[\s()"|]/;
    while (this.i < this.text.length && !stop.test(this.text[this.i]!)) {
      const c = this.text[this.i]!;
      if (c === '\\' && this.i + 1 < this.text.length) {
        this.i += 2;
        continue;
      }
      // `https://…` pasted alone is a URL to search for, not the field `https`.
      if (c === ':' && canBeField && !this.text.startsWith('//', this.i + 1) && FIELD_NAME.test(this.text.slice(start, this.i))) {
        this.push('field', this.text.slice(start, this.i), start);
        this.i++;
        this.valueNext = true;
        return;
      }
      this.i++;
    }
    this.push('word', this.text.slice(start, this.i), start);
    this.valueNext = false;
  }
}
