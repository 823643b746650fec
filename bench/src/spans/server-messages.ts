// The messages between the spans benchmark and the Tinsel it runs in a
// child process (over Node's IPC channel, as JSON).

/** Spans written straight into the store, spread over a time range. */
export interface LoadRequest {
  spans: number;
  seed: number;
  /** Epoch µs: traces start evenly over [fromMicros, toMicros), in order. */
  fromMicros: number;
  toMicros: number;
  /** How many trace ids to sample (uniformly) for lookups. */
  sample: number;
}

export interface LoadedTrace {
  /** X-Ray form: `1-5759e988-bd862e3fe1be46a994272793`. */
  xrayId: string;
  spans: number;
}

export interface LoadResult {
  spans: number;
  traces: number;
  seconds: number;
  sample: LoadedTrace[];
}

export interface ServerStats {
  spanRows: number;
  bytesOnDisk: number;
  /** The server process's peak resident set so far. */
  maxRssBytes: number;
}

export type ServerRequest =
  | { id: number; command: 'counters' }
  | { id: number; command: 'stats' }
  | { id: number; command: 'compact' }
  | { id: number; command: 'load'; load: LoadRequest }
  | { id: number; command: 'close' };

export type ServerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** The first message: where the child's listeners are bound. */
export interface ServerReady {
  ready: { api: string; otlp: string; xrayUdp: string };
}
