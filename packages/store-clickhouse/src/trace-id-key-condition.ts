const equalsAtEnd = /(?<![\w.`])(`?)trace_id\1 = $/;

/**
 * Text to write for `trace_id = <value>` when `before` (the SQL so far) ends
 * in `trace_id = ` and `value` is the rendered value; undefined otherwise.
 *
 * Where `trace_id` is Nullable (requests, logs) the sort key holds
 * `ifNull(trace_id, '')`, since a key cannot hold a Nullable column, and
 * ClickHouse uses a key only for conditions on the key's own expression: a
 * plain `trace_id = …` there reads every granule of the time range. Stating
 * the comparison both ways lets each table use its key (spans by `trace_id`,
 * the others by `ifNull(trace_id, '')`) without the query knowing which
 * table is which; the rows are the same, since a stored id is never ''.
 *
 * @example
 * traceIdKeyCondition('SELECT * FROM logs WHERE trace_id = ', "'5759…'")
 * // → { before: 'SELECT * FROM logs WHERE ', text: "(trace_id = '5759…' AND ifNull(trace_id, '') = '5759…')" }
 */
export function traceIdKeyCondition(before: string, value: string): { before: string; text: string } | undefined {
  const match = equalsAtEnd.exec(before);
  if (!match) return undefined;
  return { before: before.slice(0, match.index), text: `(trace_id = ${value} AND ifNull(trace_id, '') = ${value})` };
}
