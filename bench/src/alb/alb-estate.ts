import type { SeededRandom } from './seeded-random.ts';

export interface LoadBalancer {
  /** `app/<name>/<id>` as ALB logs it. */
  elb: string;
  certArn: string;
  /** Target group ARNs: index 0 serves pages and the API, index 1 static files. */
  targetGroups: string[];
  /** Runs AWS WAF, so forwarded requests log `waf,forward`. */
  waf: boolean;
  /** Internal: plain HTTP from the VPC, no redirect to HTTPS. */
  internal: boolean;
  /** Share of connections that land on this load balancer. */
  weight: number;
}

/** The fixed world the benchmark lines describe: a few load balancers, their targets and tenants. */
export interface AlbEstate {
  loadBalancers: LoadBalancer[];
  /** `ip:port` of the targets, shared by every target group. */
  targets: string[];
  domains: string[];
  /** Cumulative Zipf weights over `domains`, last entry 1: a few tenants get most traffic. */
  domainWeights: Float64Array;
  userAgents: string[];
}

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const TENANT_WORDS = ['north', 'blue', 'oak', 'river', 'stone', 'maple', 'harbor', 'cedar', 'summit', 'lake'];
const TENANT_KINDS = ['shop', 'studio', 'clinic', 'books', 'garden', 'bikes', 'foods', 'travel', 'homes', 'labs'];

// Browsers dominate; bots, scripts and apps make the tail.
const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'curl/8.5.0',
  'okhttp/4.12.0',
  'python-requests/2.32.3',
  '-',
];

/**
 * Builds the estate from `random`, so a seed fixes it.
 *
 * @example
 * const estate = buildAlbEstate(new SeededRandom(1));
 * estate.domains.length; // 200
 */
export function buildAlbEstate(random: SeededRandom): AlbEstate {
  const lb = (name: string, groups: string[], waf: boolean, weight: number): LoadBalancer => ({
    internal: name.endsWith('-internal'),
    elb: `app/${name}/${random.hex(16)}`,
    certArn: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/${random.hex(8)}-${random.hex(4)}-${random.hex(4)}-${random.hex(4)}-${random.hex(12)}`,
    targetGroups: groups.map((group) => `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/${group}/${random.hex(16)}`),
    waf,
    weight,
  });
  const loadBalancers = [
    lb('web-prod', ['web-prod-app', 'web-prod-static'], true, 0.7),
    lb('api-prod', ['api-prod-app', 'api-prod-static'], false, 0.25),
    lb('admin-internal', ['admin-app', 'admin-static'], false, 0.05),
  ];
  const targets: string[] = [];
  // Last octets drawn from disjoint ranges, so the 20 addresses are distinct.
  for (let i = 0; i < 20; i++) targets.push(`10.0.${1 + (i % 3)}.${20 + i * 11 + random.int(11)}:${i % 4 === 0 ? 80 : 8080}`);
  const domains: string[] = [];
  for (let i = 0; i < 200; i++) {
    domains.push(`${TENANT_WORDS[i % 10]}${TENANT_KINDS[Math.floor(i / 10) % 10]}${i >= 100 ? '-eu' : ''}.example.com`);
  }
  return { loadBalancers, targets, domains, domainWeights: zipfCumulative(domains.length, 1.1), userAgents: USER_AGENTS };
}

function zipfCumulative(n: number, exponent: number): Float64Array {
  const weights = new Float64Array(n);
  let total = 0;
  for (let rank = 0; rank < n; rank++) {
    total += 1 / Math.pow(rank + 1, exponent);
    weights[rank] = total;
  }
  for (let rank = 0; rank < n; rank++) weights[rank] = weights[rank]! / total;
  return weights;
}

/** Index drawn from cumulative weights (last entry 1) by binary search. */
export function pickCumulative(cumulative: Float64Array, random: SeededRandom): number {
  const u = random.next();
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (cumulative[mid]! > u) high = mid;
    else low = mid + 1;
  }
  return low;
}
