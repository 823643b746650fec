import type { Route } from '../app/routes.ts';
import type { Instance } from '../estate/instance-timeline.ts';
import type { LoadBalancer, Tenant } from '../estate/estate.ts';

/** What happened to a request, as a person on call would put it. */
export type Outcome = 'ok' | 'client-error' | 'app-error' | 'timeout' | 'reset' | 'client-closed';

/** A downstream call inside the app: SQL to the tenant's database or HTTP to a remote service. */
export interface Call {
  id: string;
  kind: 'sql' | 'http';
  /** Epoch microseconds. */
  start: number;
  end: number;
  /** SQL text, or the remote URL. */
  target: string;
  status: number | null;
  error: boolean;
}

/** An exception with the frames the app would print. */
export interface SimulatedException {
  id: string;
  type: string;
  message: string;
  frames: { label: string; path: string; line: number }[];
}

/** The app's side of a request: its root segment and what ran inside it. */
export interface AppWork {
  segmentId: string;
  /** Epoch microseconds. */
  start: number;
  end: number;
  status: number;
  calls: Call[];
  exception: SimulatedException | null;
  userId: string;
  cartId: string;
  orderId: string | null;
}

/**
 * Everything about one simulated request, before it is written in any
 * format. All times are epoch microseconds; the ALB's phases are -1 where
 * ALB writes -1.
 */
export interface RequestPlan {
  /** X-Ray form, `1-<8 hex epoch>-<24 hex>`. */
  traceId: string;
  /** The `Self` id ALB adds when the client sent a trace header of its own; null otherwise. */
  self: string | null;
  loadBalancer: LoadBalancer;
  tenant: Tenant;
  route: Route;
  instance: Instance;
  path: string;
  clientIp: string;
  clientPort: number;
  userAgent: string;
  receivedAt: number;
  requestProcessing: number;
  targetProcessing: number;
  responseProcessing: number;
  /** When the ALB answered (the `time` field). */
  respondedAt: number;
  elbStatus: number;
  targetStatus: number | null;
  receivedBytes: number;
  sentBytes: number;
  connTraceId: string;
  sampled: boolean;
  outcome: Outcome;
  /** Self (or trace) id of the attempt this one retries. */
  retryOf: string | null;
  app: AppWork | null;
}
