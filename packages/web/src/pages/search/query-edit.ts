// Edits a TQL query the way a click in the sidebar or the row detail means:
// add `field:value` (or its negation) to the filter, before any pipes.

/** A value written so TQL reads it back as itself: quoted unless it is a plain word. */
export function tqlValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[A-Za-z0-9_.@/-]+$/.test(text) && !/^(AND|OR|NOT|TO)$/.test(text)) return text;
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The clause matching rows whose field has this value (or has no value, for null). */
export function tqlClause(field: string, value: unknown): string {
  if (value === null || value === undefined) return `NOT _exists_:${field}`;
  return `${field}:${tqlValue(value)}`;
}

function splitPipes(query: string): [string, string] {
  // The first `|` outside quotes starts the pipes.
  let quoted = false;
  for (let i = 0; i < query.length; i++) {
    const c = query[i];
    if (c === '\\' && quoted) i++;
    else if (c === '"') quoted = !quoted;
    else if (c === '|' && !quoted) return [query.slice(0, i), query.slice(i)];
  }
  return [query, ''];
}

/**
 * The query with one more filter: rows where `field` is (or, with `exclude`,
 * is not) `value`. An `OR` already in the filter is kept apart in parentheses.
 *
 * @example addFilter('status:>=500 | stats count() by host', 'host', 'web-3') // 'status:>=500 host:web-3 | stats count() by host'
 */
export function addFilter(query: string, field: string, value: unknown, exclude = false): string {
  const [filter, pipes] = splitPipes(query);
  const base = filter.trim();
  let clause = tqlClause(field, value);
  if (exclude) clause = clause.startsWith('NOT ') ? clause.slice(4) : `NOT ${clause}`;
  if (base.includes(clause)) return query;
  const kept = base === '' || base === '*' ? '' : /\bOR\b/.test(base) ? `(${base}) ` : `${base} `;
  return `${kept}${clause}${pipes === '' ? '' : ` ${pipes.trim()}`}`;
}
