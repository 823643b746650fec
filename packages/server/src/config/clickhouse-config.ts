import { daysAt } from './retention-config.ts';

/** `store.clickhouse` in tinsel.yaml: where the ClickHouse store lives. */
export interface ClickHouseConfig {
  /** HTTP interface of the server Tinsel talks to, e.g. `http://127.0.0.1:8123`. */
  url: string;
  database: string;
  username: string;
  password: string;
  /** A cluster named in the servers' `remote_servers`; null for one server. */
  cluster: string | null;
  /** HTTP addresses of the cluster's shards, where Tinsel creates the local tables. */
  shards: string[];
}

type Raw = Record<string, unknown>;

function text(value: unknown, key: string, fallback: string, allowEmpty = false): string {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string' || (!allowEmpty && value === '')) throw new Error(`${key}: expected a ${allowEmpty ? '' : 'non-empty '}string, got ${JSON.stringify(value)}`);
  return value;
}

function httpUrl(value: string, key: string): string {
  if (!/^https?:\/\/[^\s/]+/.test(value)) throw new Error(`${key}: expected an http(s) URL like http://127.0.0.1:8123, got ${JSON.stringify(value)}`);
  return value;
}

function urlList(value: unknown, key: string): string[] {
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value;
  if (!Array.isArray(list) || list.some((s) => typeof s !== 'string')) throw new Error(`${key}: expected a list of URLs, got ${JSON.stringify(value)}`);
  return (list as string[]).map((u, i) => httpUrl(u, `${key}[${i}]`));
}

/**
 * Validates `store.clickhouse` (and `store.retentionDays`); every failure
 * names its key. With `backend: clickhouse` the url is required, and a
 * cluster needs its shards listed.
 */
export function clickHouseStoreAt(store: Raw, backend: 'duckdb' | 'clickhouse'): { clickhouse?: ClickHouseConfig; retentionDays?: number } {
  const raw = store.clickhouse ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('store.clickhouse: expected a mapping');
  const section = raw as Raw;
  const retentionDays = daysAt(store.retentionDays, 'store.retentionDays');
  if (backend !== 'clickhouse') return retentionDays === undefined ? {} : { retentionDays };
  if (section.url === undefined || section.url === null) throw new Error('store.clickhouse.url: required when store.backend is clickhouse');
  const cluster = section.cluster === undefined || section.cluster === null ? null : text(section.cluster, 'store.clickhouse.cluster', '');
  const shards = urlList(section.shards, 'store.clickhouse.shards');
  if (cluster !== null && shards.length === 0) throw new Error('store.clickhouse.shards: list the HTTP URL of every shard of store.clickhouse.cluster');
  const clickhouse: ClickHouseConfig = {
    url: httpUrl(text(section.url, 'store.clickhouse.url', ''), 'store.clickhouse.url'),
    database: text(section.database, 'store.clickhouse.database', 'tinsel'),
    username: text(section.username, 'store.clickhouse.username', 'default'),
    password: text(section.password, 'store.clickhouse.password', '', true),
    cluster,
    shards,
  };
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(clickhouse.database)) throw new Error(`store.clickhouse.database: expected letters, digits and _, got ${JSON.stringify(clickhouse.database)}`);
  return retentionDays === undefined ? { clickhouse } : { clickhouse, retentionDays };
}
