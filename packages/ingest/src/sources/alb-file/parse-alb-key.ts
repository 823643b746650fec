/** What an ALB log object's name says about where its lines come from. */
export interface AlbKeyMeta {
  /** 12-digit AWS account id. */
  accountId: string;
  region: string;
  /** Resource id with `/` turned into `.`, e.g. `app.my-loadbalancer.1234567890abcdef`; the bare name for a Classic ELB. */
  lbId: string;
  /** `my-loadbalancer` from the id above; null when the id has another shape. */
  lbName: string | null;
  /** End of the 5-minute (Classic: 5 or 60) interval the file covers, ISO 8601 UTC. */
  endTime: string;
  /** Address of the load-balancer node that wrote the file. */
  nodeIp: string;
}

// account _ elasticloadbalancing _ region _ lb-id _ end-time _ node-ip _ random .log[.gz]
// One regex per object name, never per line: its cost is beside the point.
const OBJECT_NAME = /^(\d{12})_elasticloadbalancing_([a-z]{2}(?:-[a-z]+)+-\d+)_(.+)_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z_([^_]+)_[^_]+\.log(?:\.gz)?$/;
const LB_TYPES = new Set(['app', 'net', 'gwy']);

/**
 * Reads the ALB S3 key layout from a key or path. Only the object name is
 * used, so a tree copied without its `AWSLogs/<account>/…` folders keeps
 * its meta. Returns null for any other name (connection logs and the
 * `ELBAccessLogTestFile` included).
 *
 * @example
 * parseAlbKey('s3://my-bucket/prefix/AWSLogs/123456789012/elasticloadbalancing/us-east-2/2016/05/01/123456789012_elasticloadbalancing_us-east-2_app.my-loadbalancer.1234567890abcdef_20140215T2340Z_172.160.001.192_20sg8hgm.log.gz');
 * // { accountId: '123456789012', region: 'us-east-2', lbId: 'app.my-loadbalancer.1234567890abcdef',
 * //   lbName: 'my-loadbalancer', endTime: '2014-02-15T23:40:00.000Z', nodeIp: '172.160.1.192' }
 */
export function parseAlbKey(key: string): AlbKeyMeta | null {
  const name = key.slice(Math.max(key.lastIndexOf('/'), key.lastIndexOf('\\')) + 1);
  const match = OBJECT_NAME.exec(name);
  if (match === null) return null;
  const [, accountId = '', region = '', lbId = '', year, month, day, hour, minute, nodeIp = ''] = match;
  const endTime = `${year}-${month}-${day}T${hour}:${minute}:00.000Z`;
  // Rejects 20140230T2560Z and the like, which the pattern alone lets through.
  const parsed = new Date(endTime);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString() !== endTime) return null;
  return { accountId, region, lbId, lbName: nameOf(lbId), endTime, nodeIp: normaliseIpv4(nodeIp) };
}

function nameOf(lbId: string): string | null {
  const parts = lbId.split('.');
  // A Classic ELB is known by its bare name, which cannot contain a dot.
  if (parts.length === 1) return lbId;
  if (parts.length >= 3 && LB_TYPES.has(parts[0] ?? '')) return parts.slice(1, -1).join('.');
  return null;
}

// The AWS example pads octets to three digits (`172.160.001.192`); written
// plainly, the address matches the one the node reports elsewhere.
function normaliseIpv4(ip: string): string {
  const octets = ip.split('.');
  if (octets.length !== 4 || !octets.every((octet) => /^\d{1,3}$/.test(octet))) return ip;
  return octets.map((octet) => String(Number(octet))).join('.');
}
