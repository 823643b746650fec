import { stringAttribute } from './attribute-lookup.ts';
import type { Attributes } from './read-any-value.ts';

/** The database columns of a span. */
export interface DbFields {
  sqlQuery: string | null;
  dbServer: string | null;
}

// A span is a database call when it names its database system (old and new
// attribute) or carries a query; only then is `server.address` a db server.
const DB_MARKERS = ['db.system.name', 'db.system', 'db.query.text', 'db.statement', 'db.connection_string'];
const SECRET_KEY = /^\s*(password|pwd|user ?id|uid|user|username|secret|token|access ?key)\s*$/i;

/**
 * Reads the query text (`db.query.text`, formerly `db.statement`, stored as
 * the instrumentation sent it: OTel instrumentations sanitize by default)
 * and the database server: `server.address` (formerly `net.peer.name`)
 * with its port, else `db.connection_string` with every credential removed.
 *
 * @example
 * readDbFields({ 'db.system': 'postgresql', 'db.statement': 'SELECT 1', 'net.peer.name': 'db1', 'net.peer.port': 5432 })
 * // { sqlQuery: 'SELECT 1', dbServer: 'db1:5432' }
 */
export function readDbFields(attributes: Attributes): DbFields {
  if (!DB_MARKERS.some((key) => Object.hasOwn(attributes, key))) return { sqlQuery: null, dbServer: null };
  const host = stringAttribute(attributes, 'server.address', 'net.peer.name');
  const port = stringAttribute(attributes, 'server.port', 'net.peer.port');
  const connection = stringAttribute(attributes, 'db.connection_string');
  let dbServer: string | null = null;
  if (host !== null) dbServer = port === null ? host : `${host}:${port}`;
  else if (connection !== null) dbServer = withoutCredentials(connection);
  return { sqlQuery: stringAttribute(attributes, 'db.query.text', 'db.statement'), dbServer };
}

/**
 * A connection string without user names, passwords or query parameters:
 * `postgresql://app:s3cret@db1:5432/shop?sslmode=require` becomes
 * `postgresql://db1:5432/shop`, and `Server=db1;User Id=app;Password=x`
 * becomes `Server=db1`.
 *
 * @example
 * withoutCredentials('mysql://root:pw@db1/shop') // 'mysql://db1/shop'
 */
export function withoutCredentials(connection: string): string | null {
  if (connection.includes('://')) {
    // Text, not new URL(): `jdbc:postgresql://u:p@db1/x` parses as an opaque
    // path that would keep the password. Userinfo goes, and so does the
    // query, where drivers also take `password=`.
    const bare = connection.replace(/\/\/[^/?#]*@/, '//').replace(/[?#].*$/s, '');
    return bare.replace(/\/$/, '') || null;
  }
  const kept = connection.split(';').filter((part) => part.trim() !== '' && !SECRET_KEY.test(part.split('=')[0] ?? ''));
  return kept.length > 0 ? kept.join(';') : null;
}
