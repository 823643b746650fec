import { DEFAULT_MEMORY_LIMIT } from '@tinsel/store-duckdb';
import type { AuthConfig } from './auth-config.ts';
import type { ClickHouseConfig } from './clickhouse-config.ts';
import type { InsightsConfig } from './insights-config.ts';
import type { TlsConfig } from './tls-config.ts';
import type { RetentionConfig } from './retention-config.ts';
import { DEFAULT_GATE_LIMITS } from '../overload/ingest-gate.ts';

/** Tinsel's configuration after defaults, `tinsel.yaml`, environment and flags. */
export interface TinselConfig {
  /** Folder of the embedded store. */
  dataDir: string;
  /** Ports: the API, the X-Ray daemon protocol (UDP), OTLP/HTTP; `false` switches a listener off. */
  listen: { host: string; port: number; xrayUdpPort: number | false; otlpPort: number | false; seqPort?: number | false; esPort?: number | false; tls?: TlsConfig };
  store: { backend: 'duckdb' | 'clickhouse'; duckdb: { memoryLimit: string }; clickhouse?: ClickHouseConfig; retentionDays?: number; retention?: RetentionConfig };
  /** Per request body, and (see IngestGate) ingest held at once; the two in-flight limits take defaults when absent. */
  limits: { bodyBytes: number; inflightBytes?: number; inflightRequests?: number };
  /** Application logs: where trace ids are found, and the Seq API keys accepted (none listed: any key). */
  logs: { traceIdProperties: string[]; seqApiKeys: string[] };
  s3: { endpoint: string | null; region: string | null; forcePathStyle: boolean };
  /** The enrichment section, validated by the enrichment tables themselves. */
  enrichment: unknown;
  /** Folder `tinsel.yaml` was read from; relative paths in it resolve against it. */
  baseDir: string;
  /** Anomaly detection, alert rules and notifiers; defaults when absent. */
  insights?: InsightsConfig;
  /** API keys and their scopes; absent (a configuration built in code) is no key. */
  auth?: AuthConfig;
}

export const defaultConfig: TinselConfig = {
  dataDir: './data',
  // Loopback unless configured: nothing is exposed by accident.
  listen: { host: '127.0.0.1', port: 5170, xrayUdpPort: 2000, otlpPort: 4318, seqPort: 5341, esPort: 9200 },
  store: { backend: 'duckdb', duckdb: { memoryLimit: DEFAULT_MEMORY_LIMIT } },
  limits: { bodyBytes: 64 * 1024 * 1024, ...DEFAULT_GATE_LIMITS },
  logs: { traceIdProperties: ['TraceId', 'trace_id', 'traceId', 'AmznTraceId', 'X-Amzn-Trace-Id'], seqApiKeys: [] },
  s3: { endpoint: null, region: null, forcePathStyle: false },
  enrichment: {},
  baseDir: '.',
};
