import { fail, ok, type Result } from '@tinsel/model';
import { parseAuthConfig } from './auth-config.ts';
import { clickHouseStoreAt } from './clickhouse-config.ts';
import { retentionAt } from './retention-config.ts';
import { defaultConfig, type TinselConfig } from './config.ts';
import { parseInsightsConfig } from './insights-config.ts';
import { parseTlsConfig } from './tls-config.ts';

type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a parsed `tinsel.yaml` over the defaults. Every failure names the
 * key, e.g. `listen.port: expected an integer from 1 to 65535, got "abc"`.
 */
export function validateConfig(raw: unknown, baseDir: string): Result<TinselConfig> {
  if (raw === null || raw === undefined) raw = {};
  if (!isObject(raw)) return fail('tinsel.yaml: expected a mapping at the top level');
  const known = ['dataDir', 'listen', 'store', 'limits', 's3', 'enrichment', 'logs', 'insights', 'alerts', 'auth'];
  const unknownKey = Object.keys(raw).find((k) => !known.includes(k));
  if (unknownKey) return fail(`${unknownKey}: unknown key (known: ${known.join(', ')})`);
  try {
    const listen = section(raw, 'listen');
    const store = section(raw, 'store');
    const limits = section(raw, 'limits');
    const s3 = section(raw, 's3');
    return ok({
      dataDir: stringAt(raw.dataDir, 'dataDir') ?? defaultConfig.dataDir,
      listen: {
        host: stringAt(listen.host, 'listen.host') ?? defaultConfig.listen.host,
        port: portAt(listen.port, 'listen.port') ?? defaultConfig.listen.port,
        xrayUdpPort: portOrOffAt(listen.xrayUdpPort, 'listen.xrayUdpPort') ?? defaultConfig.listen.xrayUdpPort,
        otlpPort: portOrOffAt(listen.otlpPort, 'listen.otlpPort') ?? defaultConfig.listen.otlpPort,
        esPort: portOrOffAt(listen.esPort, 'listen.esPort') ?? defaultConfig.listen.esPort,
        seqPort: portOrOffAt(listen.seqPort, 'listen.seqPort') ?? defaultConfig.listen.seqPort,
        ...tlsAt(listen.tls, baseDir),
      },
      store: { backend: backendAt(store.backend), duckdb: { memoryLimit: memoryAt(section(store, 'duckdb', 'store.duckdb').memoryLimit, 'store.duckdb.memoryLimit') }, ...clickHouseStoreAt(store, backendAt(store.backend)), retention: retentionAt(store) },
      limits: {
        bodyBytes: positiveIntAt(limits.bodyBytes, 'limits.bodyBytes') ?? defaultConfig.limits.bodyBytes,
        inflightBytes: positiveIntAt(limits.inflightBytes, 'limits.inflightBytes') ?? defaultConfig.limits.inflightBytes,
        inflightRequests: positiveIntAt(limits.inflightRequests, 'limits.inflightRequests') ?? defaultConfig.limits.inflightRequests,
      },
      logs: logsAt(section(raw, 'logs')),
      s3: {
        endpoint: stringAt(s3.endpoint, 's3.endpoint') ?? null,
        region: stringAt(s3.region, 's3.region') ?? null,
        forcePathStyle: boolAt(s3.forcePathStyle, 's3.forcePathStyle') ?? false,
      },
      enrichment: raw.enrichment ?? {},
      baseDir,
      insights: parseInsightsConfig(raw.insights, raw.alerts),
      auth: parseAuthConfig(raw.auth),
    });
  } catch (error) {
    return fail((error as Error).message);
  }
}

/** HTTPS on every HTTP listener when `listen.tls` names a certificate and key. */
function tlsAt(value: unknown, baseDir: string): { tls?: TinselConfig['listen']['tls'] } {
  const tls = parseTlsConfig(value, baseDir);
  return tls === undefined ? {} : { tls };
}

function section(raw: Raw, key: string, path = key): Raw {
  const value = raw[key];
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw new Error(`${path}: expected a mapping`);
  return value;
}

function logsAt(logs: Raw): TinselConfig['logs'] {
  return {
    traceIdProperties: stringListAt(logs.traceIdProperties, 'logs.traceIdProperties') ?? defaultConfig.logs.traceIdProperties,
    seqApiKeys: stringListAt(logs.seqApiKeys, 'logs.seqApiKeys') ?? defaultConfig.logs.seqApiKeys,
  };
}

/** A list of non-empty strings, from YAML or from a comma-separated environment variable. */
function stringListAt(value: unknown, key: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value;
  if (!Array.isArray(list) || list.some((s) => typeof s !== 'string' || s === '')) throw new Error(`${key}: expected a list of non-empty strings, got ${JSON.stringify(value)}`);
  return list as string[];
}

function stringAt(value: unknown, key: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value === '') throw new Error(`${key}: expected a non-empty string, got ${JSON.stringify(value)}`);
  return value;
}

function positiveIntAt(value: unknown, key: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) throw new Error(`${key}: expected a positive integer, got ${JSON.stringify(value)}`);
  return n;
}

function portAt(value: unknown, key: string): number | undefined {
  const n = value === 0 || value === '0' ? 0 : positiveIntAt(value, key);
  if (n !== undefined && n > 65535) throw new Error(`${key}: expected an integer from 0 to 65535, got ${JSON.stringify(value)}`);
  return n;
}

function portOrOffAt(value: unknown, key: string): number | false | undefined {
  if (value === false || value === 'false' || value === 'off') return false;
  return portAt(value, key);
}

function boolAt(value: unknown, key: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new Error(`${key}: expected true or false, got ${JSON.stringify(value)}`);
}

function memoryAt(value: unknown, key: string): string {
  if (value === undefined || value === null) return defaultConfig.store.duckdb.memoryLimit;
  if (typeof value !== 'string' || !/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(value)) throw new Error(`${key}: expected a size like 256MB or 4GB, got ${JSON.stringify(value)}`);
  return value;
}

function backendAt(value: unknown): 'duckdb' | 'clickhouse' {
  if (value === undefined || value === null || value === 'duckdb') return 'duckdb';
  if (value === 'clickhouse') return 'clickhouse';
  throw new Error(`store.backend: expected "duckdb" or "clickhouse", got ${JSON.stringify(value)}`);
}
