// `user:password@` after a scheme's `//` (URL and JDBC forms).
const USER_INFO = /(\/\/)[^/?#@\s]*@/;
// `password=…` and its spellings, in a query string or an ADO.NET/ODBC
// `Key=Value;` string, with the separator after it (the one before stays).
const PASSWORD_PAIR = /(^|[?&;])\s*(?:password|pwd|passwd|pass)\s*=[^&;]*[&;]?/gi;

/**
 * A database URL or connection string without the secrets it may carry:
 * the user-info part of a URL and any password key/value pair. X-Ray asks
 * SDKs not to send passwords in `sql.url`/`connection_string`, but a store
 * that keeps whatever it is sent must not rely on every SDK obeying.
 * The user name goes with the password in a URL (`//user:pass@`) because
 * the two cannot be told apart without parsing every driver's syntax.
 *
 * @example
 * stripCredentials('postgresql://app:s3cret@db.example.com:5432/shop') // 'postgresql://db.example.com:5432/shop'
 * stripCredentials('Server=db1;Database=shop;User Id=app;Password=s3cret;') // 'Server=db1;Database=shop;User Id=app;'
 */
export function stripCredentials(connection: string): string {
  // Ordinary URLs have neither, so they skip the regular expressions.
  const hasAt = connection.includes('@');
  const hasEquals = connection.includes('=');
  let out = hasAt ? connection.replace(USER_INFO, '$1') : connection;
  if (hasEquals) out = out.replace(PASSWORD_PAIR, '$1');
  return out;
}
