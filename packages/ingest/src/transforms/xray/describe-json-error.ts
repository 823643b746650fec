import { quoteForReason } from '@tinsel/model';

// V8 names the offset of the bad character ("… in JSON at position 209");
// Node 22 adds a line and column, Node 20 does not, so they are computed
// here. Some messages carry no offset, only the token.
const POSITION = /position (\d+)/;
const TOKEN = /^Unexpected token '(.+?)'/;

/**
 * Why `text` is not JSON, pointing at the line and column of the first bad
 * character when V8 says where it is, in words that do not change with the
 * Node version, so that dead letters and golden files stay stable.
 *
 * @example
 * describeJsonError('{"a" 1}', error) // 'document is not JSON: unexpected "1" at line 1 column 6'
 */
export function describeJsonError(text: string, error: unknown): string {
  if (text.trim() === '') return 'document is empty';
  const message = error instanceof Error ? error.message : String(error);
  const position = POSITION.exec(message);
  if (position) {
    const at = Number(position[1]);
    if (at < text.length) return `document is not JSON: unexpected ${quoteForReason(text[at])} at ${lineAndColumn(text, at)}`;
    return `document is not JSON: it ends too early, at ${lineAndColumn(text, text.length)}`;
  }
  if (message.includes('end of JSON')) return `document is not JSON: it ends too early, at ${lineAndColumn(text, text.length)}`;
  const token = TOKEN.exec(message);
  return token ? `document is not JSON: unexpected ${quoteForReason(token[1])}` : 'document is not JSON';
}

function lineAndColumn(text: string, at: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line} column ${at - lineStart + 1}`;
}
