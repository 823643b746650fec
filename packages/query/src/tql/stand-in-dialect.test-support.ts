// For tests of the compiler alone: query is a core package and never
// imports a store adapter, so it renders through this stand-in; each backend's
// own tests render the same queries through its real dialect.
import { join, sql, type Dialect, type Sql } from '@tinsel/store';

/** A dialect shaped like the real ones, with every function spelled out plainly. */
export const standInDialect: Dialect = {
  name: 'test',
  escapeName: (name) => `"${name.replace(/"/g, '""')}"`,
  placeholder: (index) => `$${index}`,
  columnType: () => 'TEXT',
  timeBucket: (column, seconds) => sql`bucket(${column}, ${seconds})`,
  timestamp: (micros) => sql`ts(${micros})`,
  traceId: (hex) => sql`uuid(${hex})`,
  jsonText: (column, key) => sql`json(${column}, ${key})`,
  quantile: (expr, q) => sql`quantile(${expr}, ${q})`,
  jsonPath: (column, path) => sql`json(${column}, ${path.join('\u0000')})`,
  containsText: (expr, needle) => sql`contains(${expr}, ${needle})`,
  like: (expr, pattern) => sql`${expr} LIKE ${pattern}`,
  toNumber: (expr) => sql`num(${expr})`,
  toText: (expr) => sql`text(${expr})`,
  countDistinct: (expr) => sql`count(DISTINCT ${expr})`,
  rowKey: (exprs: readonly Sql[]) => sql`hash(${join(exprs)})`,
};
