/**
 * ClickHouse deletes rows with a mutation, `ALTER TABLE t DELETE WHERE …`
 * (the `DELETE FROM` shorthand only exists from 22.8, and is itself a
 * mutation on a plain MergeTree). Tinsel's statements say `DELETE FROM t
 * WHERE …`; this finds the table and the condition so the store can run the
 * mutation on each table that holds the rows.
 */
export function parseDelete(text: string): { table: string; where: string } | undefined {
  const match = /^\s*DELETE\s+FROM\s+(`(?:[^`\\]|\\.)*`|"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_]*)\s+WHERE\s+([\s\S]+)$/i.exec(text);
  if (!match) return undefined;
  const quoted = match[1]!;
  const table = quoted.startsWith('`') ? quoted.slice(1, -1).replace(/\\(.)/g, '$1') : quoted.startsWith('"') ? quoted.slice(1, -1).replace(/""/g, '"') : quoted;
  return { table, where: match[2]! };
}
