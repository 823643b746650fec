const specials = /[\\\t\n\r\0]/g;
const anySpecial = /[\\\t\n\r\0]/;
const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\\0' };

/** Text in ClickHouse's TabSeparated escaping: only backslash, tab, newline, CR and NUL change. */
export function escapeTsv(text: string): string {
  // Most values need no escape: testing first skips building a new string.
  return anySpecial.test(text) ? text.replace(specials, (c) => escapes[c]!) : text;
}
