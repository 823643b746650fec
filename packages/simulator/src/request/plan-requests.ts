import { routes, type Route } from '../app/routes.ts';
import type { Estate, Tenant } from '../estate/estate.ts';
import type { InstanceTimeline } from '../estate/instance-timeline.ts';
import type { Incident } from '../incidents/incident.ts';
import { effectsOn, type Effects } from '../incidents/incident-effects.ts';
import { mixSeed, SeededRandom } from '../random/seeded-random.ts';
import { WeightedPicker } from '../random/weighted-picker.ts';
import { dailyCurve } from '../traffic/daily-curve.ts';
import { planAppWork } from './plan-app-work.ts';
import { RequestPlan } from './request-plan.ts';

/** Traffic settings: the peak rate, X-Ray's sampling share, how often clients retry. */
export interface TrafficOptions {
  /** Requests per second at the daily peak. */
  peakRate: number;
  /** Share of requests whose trace is sampled (segments sent). */
  sampleRate: number;
  /** Chance that a client retries a failed request (at most twice). */
  retryChance: number;
  /** Share of requests that fail in the app with no incident to blame (a latent bug). */
  faultRate: number;
}

const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'okhttp/4.12.0',
];
const CLIENT_PREFIXES = [81, 86, 92, 109, 176, 185, 212, 217];
const IDLE_TIMEOUT_MICROS = 60_000_000;
const TRACED_CLIENT = 'okhttp/4.12.0';

interface Client {
  /** IPv4 address as a 32-bit number. */
  address: number;
  userAgent: string;
}

/**
 * Plans every request that arrives during one second. A second's requests
 * depend only on the seed, the second and the estate, so any window can be
 * generated on its own, in any order, and comes out the same.
 *
 * @example
 * const planner = new RequestPlanner(estate, timeline, incidents, { peakRate: 50, sampleRate: 0.1, retryChance: 0.5, faultRate: 0.0003 });
 * planner.second(1795975200); // RequestPlan[] arriving in that second
 */
export class RequestPlanner {
  private readonly tenants: WeightedPicker<Tenant>;
  private readonly routes: WeightedPicker<Route>;

  constructor(private readonly estate: Estate, private readonly timeline: InstanceTimeline, private readonly incidents: readonly Incident[], private readonly traffic: TrafficOptions) {
    this.tenants = new WeightedPicker(estate.tenants, estate.tenants.map((t) => t.weight));
    this.routes = new WeightedPicker(routes, routes.map((r) => r.weight));
  }

  second(epochSecond: number): RequestPlan[] {
    const random = new SeededRandom(mixSeed(this.estate.options.seed, epochSecond));
    const count = Math.floor(this.traffic.peakRate * dailyCurve(epochSecond * 1000) + random.next());
    const plans: RequestPlan[] = [];
    for (let i = 0; i < count; i++) {
      const arrival = epochSecond * 1_000_000 + random.below(1_000_000);
      this.planWithRetries(random, plans, arrival);
    }
    return plans;
  }

  private planWithRetries(random: SeededRandom, plans: RequestPlan[], arrival: number): void {
    const tenant = this.tenants.pick(random);
    const route = this.routes.pick(random);
    // The address is drawn octet by octet, in this order, and kept as one number.
    const octet1 = random.pick(CLIENT_PREFIXES);
    const octet2 = random.below(256);
    const octet3 = random.below(256);
    const address = ((octet1 << 24) | (octet2 << 16) | (octet3 << 8) | (1 + random.below(254))) >>> 0;
    const client: Client = { address, userAgent: random.pick(USER_AGENTS) };
    const path = route.path(random.uint32());
    // The mobile app's HTTP client is traced: it sends its own X-Amzn-Trace-Id
    // and keeps it on retries, so ALB adds a Self per attempt under one Root.
    const traced = client.userAgent === TRACED_CLIENT;
    let plan = this.plan(random, tenant, route, path, client, arrival, null, traced);
    plans.push(plan);
    for (let attempt = 0; attempt < 2 && plan.outcome !== 'ok' && plan.outcome !== 'client-error' && random.chance(this.traffic.retryChance); attempt++) {
      plan = this.plan(random, tenant, route, path, client, plan.respondedAt + 300_000 + random.below(1_700_000), plan, traced);
      plans.push(plan);
    }
  }

  private plan(random: SeededRandom, tenant: Tenant, route: Route, path: string, client: Client, receivedAt: number, previous: RequestPlan | null, traced: boolean): RequestPlan {
    const plan = new RequestPlan();
    plan.instance = this.timeline.at(random.below(this.estate.options.instances), receivedAt / 1000);
    const effects = effectsOn(this.activeAt(receivedAt / 1000), plan.instance, tenant, route, this.timeline);
    plan.requestProcessing = 200 + random.below(1300);
    const hop = 150 + random.below(450);
    const epoch = Math.floor(receivedAt / 1_000_000);
    // The words of a fresh trace id are drawn even for a retry that keeps its Root, so every later draw stays put.
    plan.traceEpoch = epoch;
    plan.trace1 = random.uint32();
    plan.trace2 = random.uint32();
    plan.trace3 = random.uint32();
    if (traced && previous !== null) copyTrace(plan, previous);
    if (traced) {
      plan.selfEpoch = epoch;
      plan.self1 = random.uint32();
      plan.self2 = random.uint32();
      plan.self3 = random.uint32();
    }
    plan.previous = previous;
    const hangs = effects.hangShare > 0 && random.chance(effects.hangShare);
    const resets = hangs && random.chance(0.3);
    const baselineFault = random.chance(this.traffic.faultRate);
    const notFound = route.name === 'GET /products/{id}' && random.chance(0.005);
    plan.loadBalancer = this.estate.loadBalancers[tenant.loadBalancer]!;
    plan.tenant = tenant;
    plan.route = route;
    plan.path = path;
    plan.clientAddress = client.address;
    plan.userAgent = client.userAgent;
    plan.receivedAt = receivedAt;
    plan.clientPort = 1024 + random.below(64_000);
    plan.conn1 = random.uint32();
    plan.conn2 = random.uint32();
    plan.conn3 = random.uint32();
    plan.conn4 = random.uint32();
    plan.sampled = random.chance(this.traffic.sampleRate);
    plan.receivedBytes = (route.method === 'POST' ? 700 : 250) + random.below(600);
    if (resets) {
      // The target dropped the connection: no app work to show, only the ALB's word.
      plan.respondedAt = receivedAt + plan.requestProcessing + 2_000 + random.below(40_000);
      return plan;
    }
    this.answer(random, plan, effects, hop, hangs, baselineFault, notFound);
    return plan;
  }

  /** The app's work and how the ALB answered, for a request that reached the target. */
  private answer(random: SeededRandom, plan: RequestPlan, effects: Effects, hop: number, hangs: boolean, baselineFault: boolean, notFound: boolean): void {
    const { receivedAt, requestProcessing, route } = plan;
    const hostFactor = effects.hostFactor * (effects.impatientClients ? 4 : 1);
    const app = planAppWork(random, route, effects.dbFactor, hostFactor, effects.broken, receivedAt + requestProcessing + (hop >> 1), hangs, baselineFault);
    if (notFound) app.status = 404;
    plan.app = app;
    const patience = effects.impatientClients ? Math.round(random.logNormal(400_000, 0.5)) : Infinity;
    if (hangs) {
      plan.respondedAt = receivedAt + requestProcessing + IDLE_TIMEOUT_MICROS;
      plan.elbStatus = 504;
      plan.sentBytes = 298;
      plan.outcome = 'timeout';
      return;
    }
    if (receivedAt + patience < app.end) {
      plan.requestProcessing = -1;
      plan.respondedAt = receivedAt + patience;
      plan.elbStatus = 460;
      plan.sentBytes = 0;
      plan.outcome = 'client-closed';
      return;
    }
    plan.targetProcessing = app.end - app.start + hop;
    plan.responseProcessing = 20 + random.below(280);
    plan.respondedAt = receivedAt + requestProcessing + plan.targetProcessing + plan.responseProcessing;
    plan.elbStatus = app.status;
    plan.targetStatus = app.status;
    plan.outcome = app.status >= 500 ? 'app-error' : app.status >= 400 ? 'client-error' : 'ok';
    plan.sentBytes = app.status >= 400 ? 1_100 + random.below(300) : Math.round(route.responseBytes * random.between(0.8, 1.2)) + 320;
  }

  private activeAt(epochMs: number): readonly Incident[] {
    if (this.incidents.length === 0) return NONE;
    const active: Incident[] = [];
    for (const incident of this.incidents) if (incident.start <= epochMs && epochMs < incident.end) active.push(incident);
    return active;
  }
}

const NONE: readonly Incident[] = [];

/** A traced client's retry keeps the trace id of its first attempt. */
function copyTrace(plan: RequestPlan, previous: RequestPlan): void {
  plan.traceEpoch = previous.traceEpoch;
  plan.trace1 = previous.trace1;
  plan.trace2 = previous.trace2;
  plan.trace3 = previous.trace3;
}
