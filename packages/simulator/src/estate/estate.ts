import { mixSeed, SeededRandom } from '../random/seeded-random.ts';

/** The knobs of an estate; every default describes a small shop platform. */
export interface EstateOptions {
  seed: number;
  /** Instances behind the target group at any one time. */
  instances: number;
  tenants: number;
  dbServers: number;
  loadBalancers: number;
  accountId: string;
  region: string;
  /** Version every instance runs unless a deploy says otherwise. */
  appVersion: string;
}

export const defaultEstateOptions: EstateOptions = {
  seed: 1,
  instances: 6,
  tenants: 24,
  dbServers: 4,
  loadBalancers: 1,
  accountId: '123456789012',
  region: 'eu-west-1',
  appVersion: '4.2.0',
};

/** An Application Load Balancer as its access logs name it. */
export interface LoadBalancer {
  name: string;
  /** `app/<name>/<16 hex>`, the `elb` field of every line. */
  resourceId: string;
  /** The node addresses that write log files, one file per node per 5 minutes. */
  nodeIps: string[];
  targetGroupArn: string;
  certificateArn: string;
}

/** A customer site: its domain, its database and its share of the traffic. */
export interface Tenant {
  domain: string;
  tenant: string;
  dbServer: string;
  dbName: string;
  siteTier: 'gold' | 'silver' | 'bronze';
  /** Relative share of requests (a few big tenants, a long tail). */
  weight: number;
  loadBalancer: number;
}

/** The fixed part of an estate; instances over time live in the InstanceTimeline. */
export interface Estate {
  options: EstateOptions;
  loadBalancers: LoadBalancer[];
  tenants: Tenant[];
  dbServers: string[];
  azs: string[];
  asg: string;
  service: string;
}

const NAMES = ['north', 'blue', 'oak', 'river', 'stone', 'maple', 'lark', 'cedar', 'ember', 'fern', 'harbor', 'iris'];
const GOODS = ['shop', 'bikes', 'books', 'tea', 'garden', 'outdoor', 'wool', 'records'];

/**
 * Builds the estate from its options alone: the same options give the same
 * load balancers, tenants and databases, byte for byte.
 *
 * @example
 * buildEstate({ ...defaultEstateOptions, seed: 7 }).tenants[0]; // { domain: 'northshop.example.com', … }
 */
export function buildEstate(options: EstateOptions): Estate {
  const random = new SeededRandom(mixSeed(options.seed, 0xe57a7e));
  const region = options.region;
  const dbServers = Array.from({ length: options.dbServers }, (_, i) => `db-${i}`);
  const loadBalancers = Array.from({ length: options.loadBalancers }, (_, i): LoadBalancer => {
    const name = i === 0 ? 'web-prod' : `web-prod-${i + 1}`;
    return {
      name,
      resourceId: `app/${name}/${random.hex(2)}`,
      nodeIps: [`10.0.0.${10 + i * 4}`, `10.0.0.${11 + i * 4}`],
      targetGroupArn: `arn:aws:elasticloadbalancing:${region}:${options.accountId}:targetgroup/web-tg/${random.hex(2)}`,
      certificateArn: `arn:aws:acm:${region}:${options.accountId}:certificate/${random.hex(1)}-${random.hex(3)}`,
    };
  });
  const tenants = Array.from({ length: options.tenants }, (_, i): Tenant => {
    const word = `${NAMES[i % NAMES.length]}${GOODS[Math.floor(i / NAMES.length) % GOODS.length]}`;
    const round = Math.floor(i / (NAMES.length * GOODS.length));
    return {
      domain: `${word}${round > 0 ? round + 1 : ''}.example.com`,
      tenant: `tenant-${i}`,
      dbServer: dbServers[i % dbServers.length]!,
      dbName: `tenant_${i}`,
      siteTier: i < options.tenants / 6 ? 'gold' : i < options.tenants / 2 ? 'silver' : 'bronze',
      // Zipf-like: the first tenants carry most of the traffic.
      weight: 1 / (1 + i) ** 0.8,
      loadBalancer: i % loadBalancers.length,
    };
  });
  return { options, loadBalancers, tenants, dbServers, azs: ['a', 'b', 'c'].map((z) => `${region}${z}`), asg: 'web-asg', service: 'shop-web' };
}
