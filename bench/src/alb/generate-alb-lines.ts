import { openAlbConnection, type AlbConnection } from './alb-connection.ts';
import { buildAlbEstate, type AlbEstate } from './alb-estate.ts';
import { FIXED_RESPONSE_PATH, pickRoute, type AlbRoute } from './alb-routes.ts';
import { AlbTimeFormatter } from './format-alb-time.ts';
import { SeededRandom } from './seeded-random.ts';

/** What to generate: how many lines, from which seed, starting when. */
export interface AlbLineOptions {
  count: number;
  seed: number;
  /** Epoch milliseconds of the first line. */
  startTime: number;
  /** Mean arrival rate; sets how fast `time` advances. Default 400. */
  requestsPerSecond?: number;
}

/** Connections open at once; each line continues one of them. */
const POOL_SIZE = 48;
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/**
 * Realistic ALB access-log lines (the current 33-field format) for
 * benchmarks and load tests, the same for the same seed. Requests arrive as
 * a Poisson process over three load balancers, ~20 targets and 200 tenant
 * domains with Zipf-like popularity. Keep-alive connections repeat their
 * client ip:port, user agent and conn_trace_id over consecutive requests.
 * Latencies and sizes are log-normal; most answers are 200, with 3xx, 4xx
 * and 5xx, redirects from plain HTTP, a fixed response, WAF blocks, and
 * load-balancer 460/502/504 with `-1` timings. Every Root trace id carries
 * the second its request arrived.
 *
 * @example
 * for (const line of generateAlbLines({ count: 3, seed: 7, startTime: Date.UTC(2025, 8, 3) })) console.log(line);
 */
export function* generateAlbLines(options: AlbLineOptions): Generator<string, void, undefined> {
  const random = new SeededRandom(options.seed);
  const estate = buildAlbEstate(random);
  const pool = Array.from({ length: POOL_SIZE }, () => openAlbConnection(estate, random));
  const meanGapMicros = 1_000_000 / (options.requestsPerSecond ?? 400);
  const line = new AlbLineWriter(estate, random);
  let clock = options.startTime * 1000;
  let current = 0;
  for (let n = 0; n < options.count; n++) {
    clock += 1 + Math.floor(random.exponential(meanGapMicros));
    // Half the time the busiest connection goes on (a page pulling its assets).
    if (random.chance(0.5)) current = random.int(POOL_SIZE);
    const connection = pool[current]!;
    yield line.write(connection, clock);
    if (--connection.requestsLeft === 0) pool[current] = openAlbConnection(estate, random);
  }
}

/** What happened to one request, as the fields that depend on it. */
interface Outcome {
  target: string;
  timings: string;
  elbStatus: string;
  targetStatus: string;
  actions: string;
  redirect: string;
  targetGroup: string;
  priority: string;
  seconds: number;
  sent: number;
}

class AlbLineWriter {
  private readonly times = new AlbTimeFormatter();
  private readonly creationTimes = new AlbTimeFormatter();
  private readonly outcome: Outcome = {
    target: '', timings: '', elbStatus: '', targetStatus: '', actions: '', redirect: '', targetGroup: '', priority: '', seconds: 0, sent: 0,
  };

  constructor(
    private readonly estate: AlbEstate,
    private readonly random: SeededRandom,
  ) {}

  write(c: AlbConnection, time: number): string {
    const random = this.random;
    const route = c.type === 'wss' ? WEBSOCKET_ROUTE : pickRoute(random);
    const path = route.target(random);
    const o = this.decide(c, route, path);
    // ALB logs when it received the request at millisecond precision.
    const created = Math.floor((time - o.seconds * 1_000_000 - random.int(900)) / 1000) * 1000;
    const received = Math.round(random.logNormal(route.method === 'GET' ? 420 : 1_500, 0.3));
    const desync = random.chance(0.003) ? '"Acceptable" "NonCompliantHeader"' : '"-" "-"';
    return `${c.type} ${this.times.format(time)}${c.head}${o.target} ${o.timings} ${o.elbStatus} ${o.targetStatus} ${received} ${o.sent} "${route.method} ${c.urlPrefix}${path}${c.agentAndTls}${o.targetGroup} "${this.traceField(created)}${c.sniAndCert}${o.priority} ${this.creationTimes.format(created)} "${o.actions}" "${o.redirect}" "-" "${o.target}" "${o.targetStatus}" ${desync}${c.tail}`;
  }

  private decide(c: AlbConnection, route: AlbRoute, path: string): Outcome {
    const random = this.random;
    const o = this.outcome;
    const blockedByWaf = c.lb.waf && random.chance(0.002);
    o.target = this.estate.targets[random.int(this.estate.targets.length)]!;
    o.targetGroup = c.lb.targetGroups[route.group]!;
    o.priority = String(route.rulePriority);
    o.actions = c.lb.waf ? 'waf,forward' : 'forward';
    o.redirect = '-';
    o.sent = Math.round(random.logNormal(route.size, 0.5));
    if ((c.type === 'http' && !c.lb.internal) || path === FIXED_RESPONSE_PATH || blockedByWaf) {
      // Answered by the load balancer itself: no target, no timings.
      const redirect = c.type === 'http' && !c.lb.internal;
      o.target = o.targetGroup = o.targetStatus = '-';
      o.timings = '-1 -1 -1';
      o.seconds = 0;
      o.elbStatus = redirect ? '301' : blockedByWaf ? '403' : '200';
      o.actions = redirect ? 'redirect' : blockedByWaf ? 'waf' : 'fixed-response';
      o.redirect = redirect ? `https://${c.domain}:443${path}` : '-';
      o.priority = blockedByWaf ? '-' : redirect ? '0' : '1';
      o.sent = redirect ? 380 + random.int(60) : blockedByWaf ? 240 : 160;
      return o;
    }
    const u = random.next();
    if (u < 0.01) {
      // 460 client gave up, 502 target reset, 504 target timed out: ALB logs -1 timings and no target status.
      o.elbStatus = u < 0.003 ? '460' : u < 0.007 ? '502' : '504';
      o.targetStatus = '-';
      o.timings = '-1 -1 -1';
      o.seconds = u < 0.007 ? random.logNormal(0.5, 1) : 60;
      o.sent = o.elbStatus === '460' ? 0 : 272;
      return o;
    }
    const seconds = c.type === 'wss' ? random.logNormal(120, 1) : random.logNormal(route.latency, 0.9);
    const milliseconds = Math.round(seconds * 1000);
    const requestTime = random.chance(0.92) ? '0.000' : '0.001';
    o.timings = `${requestTime} ${Math.floor(milliseconds / 1000)}.${PAD3[milliseconds % 1000]} 0.000`;
    o.seconds = milliseconds / 1000;
    o.targetStatus = o.elbStatus = c.type === 'wss' ? '101' : this.status(route);
    if (o.elbStatus === '304') o.sent = 180 + random.int(120);
    else if (o.elbStatus.charCodeAt(0) >= 52) o.sent = 300 + random.int(900);
    return o;
  }

  private status(route: AlbRoute): string {
    const u = this.random.next();
    if (route.kind === 'static') return u < 0.18 ? '304' : u < 0.2 ? '404' : '200';
    if (route.kind === 'login') return u < 0.15 ? '401' : '302';
    return u < 0.02 ? '404' : u < 0.03 ? '302' : u < 0.038 ? '400' : u < 0.042 ? '500' : u < 0.043 ? '503' : '200';
  }

  /** The X-Amzn-Trace-Id ALB logs: a new Root, or Self added to an upstream caller's header. */
  private traceField(createdMicros: number): string {
    const random = this.random;
    const second = Math.floor(createdMicros / 1_000_000);
    const root = `Root=1-${second.toString(16).padStart(8, '0')}-${random.hex(24)}`;
    if (!random.chance(0.05)) return root;
    return `Self=1-${second.toString(16).padStart(8, '0')}-${random.hex(24)};${root};Parent=${random.hex(16)};Sampled=1`;
  }
}

const WEBSOCKET_ROUTE: AlbRoute = { method: 'GET', target: () => '/ws/notifications', upTo: 1, group: 0, kind: 'page', rulePriority: 30, latency: 120, size: 9_000 };
