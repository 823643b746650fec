// Stored columns come through under their own names, beside what the story adds.
type Row = Record<string, unknown>;

/** How a request ended, as the story tells it. */
export type StoryOutcome = 'served' | 'client-error' | 'failed-in-app' | 'died-at-load-balancer' | 'unknown';

/** One of the load balancer's three timed phases, in milliseconds from the story's origin. */
export interface StoryPhase {
  name: 'request' | 'target' | 'response';
  startMs: number;
  endMs: number;
  durationMs: number;
}

/** The verdict on a request (or one attempt of it), with the evidence that decided it. */
export interface StoryClassification {
  kind: StoryOutcome;
  /** One sentence a person on call can read. */
  reason: string;
  /** The attempt (1-based, in arrival order) the verdict is about; null without an ALB record. */
  attempt: number | null;
  /** The span that failed, when the app failed. */
  span: { span_id: string; service: string; name: string } | null;
  /** The exception that failed it, from the span or the log line. */
  exception: { type: string | null; message: string | null } | null;
  /** Every attempt's own verdict, when the client tried more than once. */
  attempts?: { attempt: number; kind: StoryOutcome; reason: string }[];
}

/** An ALB access-log row with its place on the story's timeline. */
export type StoryRequest = Row & {
  /** 1-based, in order of arrival at the load balancer. */
  attempt: number;
  /** The `Self=` id ALB stamped on this attempt, when it logged one. */
  self: string | null;
  /** Arrival (`request_creation_time`) and response (`time`), ms from the origin. */
  startMs: number;
  endMs: number;
  /** The phases that happened: a `-1` timing leaves its phase out. */
  phases: StoryPhase[];
  /** target_processing_time minus the attempt's root server span; null when either is missing. */
  unaccountedMs: number | null;
  outcome: { kind: StoryOutcome; reason: string };
};

/** A span with its depth in the tree and its place on the timeline. */
export type StorySpan = Row & {
  depth: number;
  /** The ALB attempt whose target phase it belongs to; null without ALB records. */
  attempt: number | null;
  startMs: number;
  endMs: number | null;
};

/** A log line on the timeline, its properties (ambient context included) as an object. */
export type StoryLog = Row & {
  properties: Record<string, unknown> | null;
  atMs: number;
  attempt: number | null;
};

/**
 * Everything known about one request, on one time axis whose zero
 * (`origin`) is the earliest thing seen: the load balancer's arrival time,
 * or the first span or log line.
 */
export interface Story {
  traceId: string;
  /** The same id in X-Ray form. */
  xrayId: string;
  /** ISO-8601 time of offset 0. */
  origin: string;
  requests: StoryRequest[];
  spans: StorySpan[];
  logs: StoryLog[];
  classification: StoryClassification;
  unaccountedMs: number | null;
  enrichment: Record<string, string | number | null>;
}
