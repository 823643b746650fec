import type { IncomingMessage } from 'node:http';
import type { SamplingRule, SamplingRules } from './sampling/sampler.ts';

/** How `initTinsel` is configured; only `service` is required. */
export interface TinselOptions {
  /** The service name on every span and log line. */
  service: string;
  /** Tinsel's API base URL (`http://127.0.0.1:5170`); without it nothing is sent over HTTP. */
  endpoint?: string;
  /** `otlp` (POST /v1/traces, the default with an endpoint), `xray-udp` (the daemon protocol) or `none`. */
  spans?: 'otlp' | 'xray-udp' | 'none';
  /** `host:port` of the X-Ray daemon listener for `xray-udp` (default 127.0.0.1:2000). */
  xrayDaemon?: string;
  /** `clef` (POST /api/events/raw?clef, the default with an endpoint), `otlp` (POST /v1/logs) or `none`. */
  logs?: 'clef' | 'otlp' | 'none';
  /** Reservoir per second, then a fixed rate (default 1/s then 5%); or rules matched on host, method and path, with a default. */
  sampling?: SamplingRule | SamplingRules;
  /** The tenant of a request (default: the first label of a Host with three or more). */
  tenant?: (request: IncomingMessage) => string | null;
  /** The user of a request, when known from its headers (or set later with `setUser`). */
  user?: (request: IncomingMessage) => string | null;
  /** Trace fetch/undici and http.request calls (default true). */
  instrumentOutgoing?: boolean;
  /** Keep the local variables of throwing frames through node:inspector (default false). */
  captureLocals?: boolean;
  /** Record uncaught exceptions and unhandled rejections before the process ends as it would (default false). */
  handleUncaught?: boolean;
  /** Queue sizes and cadence: events beyond `capacity`, or CLEF lines beyond `capacityBytes` (8 MiB), are dropped and counted. */
  queue?: { capacity?: number; batchSize?: number; intervalMs?: number; capacityBytes?: number };
}
