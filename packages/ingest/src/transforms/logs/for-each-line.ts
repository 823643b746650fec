/**
 * Calls `visit` with each non-blank line of newline-delimited text and its
 * 1-based line number: `\n` or `\r\n` endings, a leading UTF-8 byte order
 * mark dropped (CLEF files often start with one), blank lines skipped as
 * the CLEF reader does.
 *
 * @example
 * forEachLine('\uFEFFa\r\n\nb', (line, n) => console.log(n, line)) // 1 a, 3 b
 */
export function forEachLine(text: string, visit: (line: string, lineNumber: number) => void): void {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineNumber = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNumber++;
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (stop > start && !isBlank(text, start, stop)) visit(text.slice(start, stop), lineNumber);
    start = end + 1;
  }
}

function isBlank(text: string, start: number, stop: number): boolean {
  for (let i = start; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}
