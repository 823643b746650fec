import type { SpanRecord } from '@tinsel/model';
import { flattenInto, type Attributes } from './span-attributes.ts';
import { stripCredentials } from './strip-credentials.ts';
import type { XrayObject } from './xray-object.ts';

/**
 * Maps an `sql` block: `sanitized_query` to `sql_query`, `url` (else
 * `connection_string`) to `db_server` with any credentials removed, and the
 * rest to `sql.<field>` in `attributes` (`sql.database_type`,
 * `sql.database_version`, `sql.driver_version`, `sql.user`,
 * `sql.preparation`). A connection string that is not the `db_server` is
 * kept as `sql.connection_string`, also without credentials.
 *
 * @example
 * readXraySql({ url: 'jdbc:postgresql://db:5432/shop', sanitized_query: 'SELECT 1' }, span, attributes);
 * // span.db_server === 'jdbc:postgresql://db:5432/shop', span.sql_query === 'SELECT 1'
 */
export function readXraySql(sql: XrayObject, span: SpanRecord, attributes: Attributes): void {
  const url = sql['url'];
  const connection = sql['connection_string'];
  if (typeof url === 'string') span.db_server = stripCredentials(url);
  else if (typeof connection === 'string') span.db_server = stripCredentials(connection);
  for (const key in sql) {
    const value = sql[key];
    if (key === 'sanitized_query' && typeof value === 'string') span.sql_query = value;
    else if (typeof value === 'string' && (key === 'url' || key === 'connection_string')) {
      // One of the two is db_server already; only the other one is kept.
      const stripped = stripCredentials(value);
      if (stripped !== span.db_server) attributes[`sql.${key}`] = stripped;
    } else flattenInto(attributes, `sql.${key}`, value);
  }
}
