import { buildEstate, defaultEstateOptions, type Estate, type EstateOptions } from './estate/estate.ts';
import { InstanceTimeline } from './estate/instance-timeline.ts';
import type { Incident, IncidentSpec } from './incidents/incident.ts';
import { resolveIncidents } from './incidents/resolve-incidents.ts';
import { formatAlbLine } from './format/format-alb-line.ts';
import { formatClefEvents } from './format/format-clef-events.ts';
import { formatXraySegment } from './format/format-xray-segment.ts';
import { RequestPlanner, type TrafficOptions } from './request/plan-requests.ts';
import type { RequestPlan } from './request/request-plan.ts';

export interface SimulatorOptions {
  estate?: Partial<EstateOptions>;
  traffic?: Partial<TrafficOptions>;
  incidents?: readonly IncidentSpec[];
  /** When the first instances launched (epoch ms); must precede the simulated window. */
  genesis: number;
}

export const defaultTrafficOptions: TrafficOptions = { peakRate: 40, sampleRate: 0.2, retryChance: 0.5, faultRate: 0.0003 };

/** One request in every format it is seen in, all sharing its trace id. */
export interface SimulatedRequest {
  plan: RequestPlan;
  albLine: string;
  /** X-Ray segment document, null when not sampled or never reached the app. */
  segment: string | null;
  /** CLEF lines. */
  logs: string[];
}

/**
 * A seeded estate with its traffic and incidents. Everything it produces is
 * a function of its options and the second asked for.
 *
 * @example
 * const sim = new Simulator({ estate: { seed: 7 }, genesis: Date.UTC(2026, 10, 1) });
 * for (const request of sim.requests(Date.UTC(2026, 10, 24, 18) / 1000)) write(request.albLine);
 */
export class Simulator {
  readonly estate: Estate;
  readonly incidents: Incident[];
  readonly timeline: InstanceTimeline;
  private readonly planner: RequestPlanner;

  constructor(options: SimulatorOptions) {
    this.estate = buildEstate({ ...defaultEstateOptions, ...options.estate });
    this.incidents = resolveIncidents(this.estate, options.incidents ?? []);
    this.timeline = new InstanceTimeline(this.estate, this.incidents, options.genesis);
    this.planner = new RequestPlanner(this.estate, this.timeline, this.incidents, { ...defaultTrafficOptions, ...options.traffic });
  }

  /** The plans of the requests arriving in one epoch second. */
  plans(epochSecond: number): RequestPlan[] {
    return this.planner.second(epochSecond);
  }

  /** The requests arriving in one epoch second, rendered. */
  requests(epochSecond: number): SimulatedRequest[] {
    return this.plans(epochSecond).map((plan) => this.render(plan));
  }

  render(plan: RequestPlan): SimulatedRequest {
    return { plan, albLine: formatAlbLine(plan), segment: formatXraySegment(this.estate, plan), logs: formatClefEvents(this.estate, plan) };
  }
}
