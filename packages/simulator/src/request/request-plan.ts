import type { Route } from '../app/routes.ts';
import type { Instance } from '../estate/instance-timeline.ts';
import type { LoadBalancer, Tenant } from '../estate/estate.ts';
import { hex8 } from '../random/seeded-random.ts';

// Ids are kept as the random 32-bit words they are drawn as and turned into
// text only when read: most are never read as strings (the dataset writer
// prints the words straight into its buffer), and making them was a third
// of the cost of planning and writing a request.

/** What happened to a request, as a person on call would put it. */
export type Outcome = 'ok' | 'client-error' | 'app-error' | 'timeout' | 'reset' | 'client-closed';

/** A downstream call inside the app: SQL to the tenant's database or HTTP to a remote service. */
export class Call {
  constructor(
    /** The subsegment id's words (`id` is their 16 hex digits). */
    readonly idHigh: number,
    readonly idLow: number,
    readonly kind: 'sql' | 'http',
    /** Epoch microseconds. */
    readonly start: number,
    readonly end: number,
    /** SQL text, or the remote URL. */
    readonly target: string,
    readonly status: number | null,
    readonly error: boolean,
  ) {}

  get id(): string {
    return hex8(this.idHigh) + hex8(this.idLow);
  }
}

/** An exception with the frames the app would print. */
export interface SimulatedException {
  id: string;
  type: string;
  message: string;
  frames: { label: string; path: string; line: number }[];
}

/** The app's side of a request: its root segment and what ran inside it. */
export class AppWork {
  constructor(
    /** The segment id's words (`segmentId` is their 16 hex digits). */
    readonly segmentHigh: number,
    readonly segmentLow: number,
    /** Epoch microseconds. */
    readonly start: number,
    readonly end: number,
    public status: number,
    readonly calls: Call[],
    readonly exception: SimulatedException | null,
    /** `userId` is `u-<user>`. */
    readonly user: number,
    /** `cartId` is `c-<8 hex>`. */
    readonly cart: number,
    /** `orderId` is `o-<order>`; null outside checkout. */
    readonly order: number | null,
  ) {}

  get segmentId(): string {
    return hex8(this.segmentHigh) + hex8(this.segmentLow);
  }

  get userId(): string {
    return `u-${this.user}`;
  }

  get cartId(): string {
    return `c-${hex8(this.cart)}`;
  }

  get orderId(): string | null {
    return this.order === null ? null : `o-${this.order}`;
  }
}

/**
 * Everything about one simulated request, before it is written in any
 * format. All times are epoch microseconds; the ALB's phases are -1 where
 * ALB writes -1. The planner fills every field.
 */
export class RequestPlan {
  /** Trace id words: `1-<traceEpoch>-<trace1><trace2><trace3>`, each 8 hex. */
  traceEpoch = 0;
  trace1 = 0;
  trace2 = 0;
  trace3 = 0;
  /** Self id words, as the trace id's; `selfEpoch` is -1 when there is no Self. */
  selfEpoch = -1;
  self1 = 0;
  self2 = 0;
  self3 = 0;
  /** `connTraceId` is `TID_` and these four words. */
  conn1 = 0;
  conn2 = 0;
  conn3 = 0;
  conn4 = 0;
  /** The attempt this one retries. */
  previous: RequestPlan | null = null;
  loadBalancer!: LoadBalancer;
  tenant!: Tenant;
  route!: Route;
  instance!: Instance;
  path = '';
  /** `clientIp` as a 32-bit number. */
  clientAddress = 0;
  clientPort = 0;
  userAgent = '';
  receivedAt = 0;
  requestProcessing = 0;
  targetProcessing = -1;
  responseProcessing = -1;
  /** When the ALB answered (the `time` field). */
  respondedAt = 0;
  elbStatus = 502;
  targetStatus: number | null = null;
  receivedBytes = 0;
  sentBytes = 272;
  sampled = false;
  outcome: Outcome = 'reset';
  app: AppWork | null = null;

  /** X-Ray form, `1-<8 hex epoch>-<24 hex>`. */
  get traceId(): string {
    return `1-${hex8(this.traceEpoch)}-${hex8(this.trace1)}${hex8(this.trace2)}${hex8(this.trace3)}`;
  }

  /** The `Self` id ALB adds when the client sent a trace header of its own; null otherwise. */
  get self(): string | null {
    return this.selfEpoch < 0 ? null : `1-${hex8(this.selfEpoch)}-${hex8(this.self1)}${hex8(this.self2)}${hex8(this.self3)}`;
  }

  get connTraceId(): string {
    return `TID_${hex8(this.conn1)}${hex8(this.conn2)}${hex8(this.conn3)}${hex8(this.conn4)}`;
  }

  get clientIp(): string {
    const a = this.clientAddress;
    return `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
  }

  /** Self (or trace) id of the attempt this one retries. */
  get retryOf(): string | null {
    return this.previous === null ? null : (this.previous.self ?? this.previous.traceId);
  }
}
