/**
 * Whether an object or file name is an access log to ingest: `*.log` or
 * `*.log.gz`, leaving out what shares the ALB folder without being an
 * access log.
 *
 * @example
 * isAlbLogName('123456789012_elasticloadbalancing_us-east-2_app.web.1a2b_20240501T1005Z_10.0.1.7_x1y2.log.gz'); // true
 * isAlbLogName('conn_log.123456789012_elasticloadbalancing_us-east-2_app.web.1a2b_20240501T1005Z_10.0.1.7_x1y2.log.gz'); // false
 */
export function isAlbLogName(name: string): boolean {
  // Editor swap files, `.DS_Store` and sync tools' state are never logs.
  if (name.startsWith('.')) return false;
  // Connection logs share the layout and the extension but hold other fields.
  if (name.startsWith('conn_log.')) return false;
  // ELB writes this one-line probe when logging is switched on; it has no
  // extension, so the check below would drop it too, but it is named here
  // because it is the object people ask about.
  if (name === 'ELBAccessLogTestFile') return false;
  return name.endsWith('.log') || name.endsWith('.log.gz');
}
