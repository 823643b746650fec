/** X-Ray's default rule: the first request each second, then 5% of the rest. */
export interface SamplingRule {
  /** Requests sampled every second before the fixed rate applies. */
  reservoirPerSecond: number;
  /** Share of the requests beyond the reservoir that are sampled, 0 to 1. */
  fixedRate: number;
}

/** A rule for some requests only; `*` and `?` are wildcards, as in X-Ray's local rules. */
export interface MatchedSamplingRule extends SamplingRule {
  host?: string;
  httpMethod?: string;
  urlPath?: string;
}

/** Rules tried in order, the first match deciding; the default decides the rest. */
export interface SamplingRules {
  rules: MatchedSamplingRule[];
  default: SamplingRule;
}

/** The request fields rules match on. */
export interface SampledRequest {
  host: string;
  method: string;
  path: string;
}

export const DEFAULT_SAMPLING_RULE: SamplingRule = { reservoirPerSecond: 1, fixedRate: 0.05 };

/**
 * Decides whether a new trace is recorded, as X-Ray's local rules do: the
 * first rule whose host, method and path match (else the default) takes
 * from its reservoir, refilled each second, then samples at its fixed rate.
 * An incoming decision (`Sampled=1`/`0`, the traceparent flag) is followed
 * instead; only a missing one or `Sampled=?` reaches the sampler. Logs carry
 * the trace id whatever the decision.
 *
 * @example
 * const sampler = new Sampler({ rules: [{ urlPath: '/health*', reservoirPerSecond: 0, fixedRate: 0 }], default: DEFAULT_SAMPLING_RULE });
 * sampler.decide({ host: 'shop', method: 'GET', path: '/health' }) // false
 */
export class Sampler {
  private readonly rules: Array<{ rule: SamplingRule; test: (request: SampledRequest) => boolean; second: number; taken: number }>;

  constructor(
    rules: SamplingRule | SamplingRules = DEFAULT_SAMPLING_RULE,
    private readonly random: () => number = Math.random,
    private readonly now: () => number = Date.now,
  ) {
    const list = 'rules' in rules ? [...rules.rules.map((rule) => ({ rule, test: matcher(rule) })), { rule: rules.default, test: () => true }] : [{ rule: rules, test: () => true }];
    this.rules = list.map((entry) => ({ ...entry, second: -1, taken: 0 }));
  }

  decide(request: SampledRequest = { host: '', method: '', path: '' }): boolean {
    const entry = this.rules.find((candidate) => candidate.test(request)) ?? this.rules[this.rules.length - 1]!;
    const second = Math.floor(this.now() / 1000);
    if (second !== entry.second) {
      entry.second = second;
      entry.taken = 0;
    }
    if (entry.taken < entry.rule.reservoirPerSecond) {
      entry.taken++;
      return true;
    }
    return this.random() < entry.rule.fixedRate;
  }
}

function matcher(rule: MatchedSamplingRule): (request: SampledRequest) => boolean {
  const host = wildcard(rule.host);
  const method = wildcard(rule.httpMethod);
  const path = wildcard(rule.urlPath);
  return (request) => host(request.host) && method(request.method) && path(request.path);
}

// X-Ray's rule wildcards: `*` any run of characters, `?` one; case-insensitive.
function wildcard(pattern: string | undefined): (value: string) => boolean {
  if (pattern === undefined || pattern === '*') return () => true;
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  const regex = new RegExp(`^${source}$`, 'i');
  return (value) => regex.test(value);
}
