/** A ClickHouse identifier in backquotes, with backslashes and backquotes escaped. */
export function quoteName(name: string): string {
  return `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
}
