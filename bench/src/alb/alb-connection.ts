import { pickCumulative, type AlbEstate, type LoadBalancer } from './alb-estate.ts';
import type { SeededRandom } from './seeded-random.ts';

/**
 * One client connection to a load balancer: every request on it shares the
 * client ip:port, the TLS session and SNI domain, the user agent and the
 * conn_trace_id, as keep-alive connections do in real logs.
 */
export interface AlbConnection {
  lb: LoadBalancer;
  /** Entry type: h2, https, http or wss. */
  type: string;
  domain: string;
  requestsLeft: number;
  // Line fragments that stay the same on the connection, joined once: fewer
  // concatenations per line is most of the generator's speed.
  /** ` elb client:port ` */
  head: string;
  /** `scheme://domain:port` */
  urlPrefix: string;
  /** ` HTTP/x.y" "user agent" cipher protocol ` */
  agentAndTls: string;
  /** `" "domain" "cert arn" ` closing the trace field, or dashes on plain HTTP. */
  sniAndCert: string;
  /** ` TID_… "-" "-" "-"` */
  tail: string;
}

const TLS_PAIRS = ['TLS_AES_128_GCM_SHA256 TLSv1.3', 'TLS_AES_128_GCM_SHA256 TLSv1.3', 'ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2'];

/**
 * A fresh connection: the load balancer by weight, the tenant domain by its
 * Zipf rank, mostly HTTP/2, some HTTP/1.1 over TLS, a little plain HTTP
 * (redirected to HTTPS, one request each) and a few WebSockets.
 *
 * @example
 * const connection = openAlbConnection(estate, random);
 */
export function openAlbConnection(estate: AlbEstate, random: SeededRandom): AlbConnection {
  const u = random.next();
  const lb = u < estate.loadBalancers[0]!.weight ? estate.loadBalancers[0]! : u < 0.95 ? estate.loadBalancers[1]! : estate.loadBalancers[2]!;
  const domain = estate.domains[pickCumulative(estate.domainWeights, random)]!;
  const kind = random.next();
  const type = lb.internal ? 'http' : kind < 0.6 ? 'h2' : kind < 0.88 ? 'https' : kind < 0.98 ? 'http' : 'wss';
  const client = lb.internal ? `10.0.${8 + random.int(4)}.${1 + random.int(254)}` : publicClient(random);
  const secure = type !== 'http';
  const tls = secure ? random.pick(TLS_PAIRS) : '- -';
  return {
    lb,
    type,
    domain,
    // Browsers reuse a connection for a page and its assets; redirects and WebSockets log one line.
    requestsLeft: type === 'wss' || (type === 'http' && !lb.internal) ? 1 : 1 + Math.floor(random.exponential(6)),
    head: ` ${lb.elb} ${client}:${1024 + random.int(64_511)} `,
    urlPrefix: secure ? `https://${domain}:443` : `http://${domain}:80`,
    agentAndTls: ` ${type === 'h2' ? 'HTTP/2.0' : 'HTTP/1.1'}" "${random.pick(estate.userAgents)}" ${tls} `,
    sniAndCert: secure ? `" "${domain}" "${lb.certArn}" ` : '" "-" "-" ',
    tail: ` TID_${random.hex(32)} "-" "-" "-"`,
  };
}

function publicClient(random: SeededRandom): string {
  // ALB prints IPv6 clients without brackets; parsers must split on the last colon.
  if (random.chance(0.04)) return `2a02:c7c:${random.hex(4)}:${random.hex(4)}:${random.hex(4)}:${random.hex(4)}:${random.hex(4)}:${random.hex(4)}`;
  return `${1 + random.int(222)}.${random.int(256)}.${random.int(256)}.${1 + random.int(254)}`;
}
