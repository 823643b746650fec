import { join, sql, type Dialect, type Sql } from '@tinsel/store';
import type { SignalCatalogue } from './field-catalogue.ts';
import { containsPattern } from './like-pattern.ts';
import type { TqlValue } from './tql-ast.ts';

/**
 * The one place a bare word or phrase becomes SQL: true when any of the
 * signal's text fields contains it, ignoring case (a word with wildcards
 * matches as a LIKE pattern inside the text). A faster strategy (a token
 * index, a side table) replaces this function and nothing else.
 *
 * @example
 * fullTextMatch(dialect, catalogueFor('logs'), value) // contains(lower(message), $1) OR contains(lower(exception), $2)
 */
export function fullTextMatch(dialect: Dialect, catalogue: SignalCatalogue, value: TqlValue): Sql {
  const columns = catalogue.textFields.map((name) => catalogue.fields.find((f) => f.name === name)!.expr(dialect));
  const tests = columns.map((column) => (value.wildcard ? dialect.like(column, containsPattern(value), true) : dialect.containsText(column, value.text)));
  return sql`(${join(tests, sql` OR `)})`;
}
