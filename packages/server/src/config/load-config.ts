import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { fail, type Result } from '@tinsel/model';
import type { TinselConfig } from './config.ts';
import { validateConfig } from './validate-config.ts';

// Environment overrides: TINSEL_DATA_DIR → dataDir, TINSEL_LISTEN_PORT → listen.port, ...
const envKeys: Record<string, string[]> = {
  TINSEL_DATA_DIR: ['dataDir'],
  TINSEL_LISTEN_HOST: ['listen', 'host'],
  TINSEL_LISTEN_PORT: ['listen', 'port'],
  TINSEL_LISTEN_XRAY_UDP_PORT: ['listen', 'xrayUdpPort'],
  TINSEL_LISTEN_OTLP_PORT: ['listen', 'otlpPort'],
  TINSEL_LISTEN_ES_PORT: ['listen', 'esPort'],
  TINSEL_LISTEN_SEQ_PORT: ['listen', 'seqPort'],
  TINSEL_LOGS_TRACE_ID_PROPERTIES: ['logs', 'traceIdProperties'],
  TINSEL_LOGS_SEQ_API_KEYS: ['logs', 'seqApiKeys'],
  TINSEL_STORE_BACKEND: ['store', 'backend'],
  TINSEL_STORE_DUCKDB_MEMORY_LIMIT: ['store', 'duckdb', 'memoryLimit'],
  TINSEL_STORE_RETENTION_DAYS: ['store', 'retentionDays'],
  TINSEL_STORE_RETENTION_REQUESTS: ['store', 'retention', 'requests'],
  TINSEL_STORE_RETENTION_SPANS: ['store', 'retention', 'spans'],
  TINSEL_STORE_RETENTION_LOGS: ['store', 'retention', 'logs'],
  TINSEL_STORE_RETENTION_DEAD_LETTERS: ['store', 'retention', 'deadLetters'],
  TINSEL_STORE_CLICKHOUSE_URL: ['store', 'clickhouse', 'url'],
  TINSEL_STORE_CLICKHOUSE_DATABASE: ['store', 'clickhouse', 'database'],
  TINSEL_STORE_CLICKHOUSE_USERNAME: ['store', 'clickhouse', 'username'],
  TINSEL_STORE_CLICKHOUSE_PASSWORD: ['store', 'clickhouse', 'password'],
  TINSEL_STORE_CLICKHOUSE_CLUSTER: ['store', 'clickhouse', 'cluster'],
  TINSEL_STORE_CLICKHOUSE_SHARDS: ['store', 'clickhouse', 'shards'],
  TINSEL_LIMITS_BODY_BYTES: ['limits', 'bodyBytes'],
  TINSEL_LIMITS_INFLIGHT_BYTES: ['limits', 'inflightBytes'],
  TINSEL_LIMITS_INFLIGHT_REQUESTS: ['limits', 'inflightRequests'],
  TINSEL_S3_ENDPOINT: ['s3', 'endpoint'],
  TINSEL_S3_REGION: ['s3', 'region'],
  TINSEL_S3_FORCE_PATH_STYLE: ['s3', 'forcePathStyle'],
  TINSEL_INSIGHTS_ENABLED: ['insights', 'enabled'],
  TINSEL_AUTH_KEYS: ['auth', 'keys'],
  TINSEL_AUTH_ALLOW_UNAUTHENTICATED: ['auth', 'allowUnauthenticated'],
  TINSEL_AUTH_USERS: ['auth', 'users'],
  TINSEL_AUTH_SESSION_HOURS: ['auth', 'sessionHours'],
  TINSEL_LISTEN_TLS_CERT: ['listen', 'tls', 'cert'],
  TINSEL_LISTEN_TLS_KEY: ['listen', 'tls', 'key'],
};

export interface LoadConfigOptions {
  /** Path of tinsel.yaml; default `./tinsel.yaml` when it exists. */
  file?: string;
  env?: NodeJS.ProcessEnv;
  /** Flag overrides as key paths: `{ 'listen.port': '8080' }`. */
  overrides?: Record<string, string | undefined>;
}

/** Defaults, then tinsel.yaml, then TINSEL_* variables, then flags. */
export function loadConfig(options: LoadConfigOptions = {}): Result<TinselConfig> {
  const file = options.file ?? (existsSync('tinsel.yaml') ? 'tinsel.yaml' : undefined);
  let raw: Record<string, unknown> = {};
  if (file) {
    try {
      raw = (parse(readFileSync(file, 'utf8')) as Record<string, unknown> | null) ?? {};
    } catch (error) {
      return fail(`${file}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  for (const [name, path] of Object.entries(envKeys)) {
    const value = (options.env ?? process.env)[name];
    if (value !== undefined && value !== '') setPath(raw, path, value);
  }
  for (const [key, value] of Object.entries(options.overrides ?? {})) if (value !== undefined) setPath(raw, key.split('.'), value);
  return validateConfig(raw, file ? dirname(resolve(file)) : process.cwd());
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}
