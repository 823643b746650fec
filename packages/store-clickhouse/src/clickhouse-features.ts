/**
 * What a ClickHouse server of a given version offers Tinsel, decided once
 * from `SELECT version()`. Each flag names the release that made the
 * feature usable without an experimental setting; below it Tinsel uses the
 * portable form that 18.16 (Debian's package) runs. docs/deploy-clickhouse.md
 * lists what each version gets.
 *
 * @example
 * const features = clickHouseFeatures('18.16.1'); // features.dateTime64 === false
 */
export interface ClickHouseFeatures {
  version: string;
  /** DateTime64(6) timestamps (20.1); else Decimal64(6) seconds, exact to the microsecond. */
  dateTime64: boolean;
  /** LowCardinality(String) without the experimental setting (19.9). */
  lowCardinality: boolean;
  /** bloom_filter and tokenbf_v1 skip indexes without the experimental setting (20.1). */
  skipIndexes: boolean;
  /** `TTL` clauses on MergeTree tables (19.6). */
  ttl: boolean;
  /** Server-side query parameters `{p1:String}` over HTTP (19.11); else values become escaped literals. */
  queryParameters: boolean;
  /** `mutations_sync` makes ALTER … DELETE wait (20.1); else Tinsel polls system.mutations. */
  mutationsSync: boolean;
  /** `insert_deduplication_token` with `non_replicated_deduplication_window` (22.2): retried inserts never duplicate. */
  insertDeduplicationToken: boolean;
  /** The Bool type (21.12); else UInt8. */
  boolType: boolean;
  /** JSONExtract* functions (19.1); else visitParam* functions. */
  jsonExtract: boolean;
  /** `GROUP BY 1` means the first select item (22.7); else Tinsel names the item itself. */
  positionalArguments: boolean;
  /** `optimize_skip_unused_shards`: a `trace_id = …` query on a Distributed table reads one shard (20.1). */
  skipUnusedShards: boolean;
}

type Version = readonly [number, number];

const since: Record<Exclude<keyof ClickHouseFeatures, 'version'>, Version> = {
  dateTime64: [20, 1],
  lowCardinality: [19, 9],
  skipIndexes: [20, 1],
  ttl: [19, 6],
  queryParameters: [19, 11],
  mutationsSync: [20, 1],
  insertDeduplicationToken: [22, 2],
  boolType: [21, 12],
  jsonExtract: [19, 1],
  positionalArguments: [22, 7],
  skipUnusedShards: [20, 1],
};

/** Parses `major.minor[.patch…]`; anything unreadable counts as the oldest server (every portable form). */
export function parseClickHouseVersion(version: string): Version {
  const match = /^(\d+)\.(\d+)/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2])] : [0, 0];
}

/** The features of a server that reported `version` from `SELECT version()`. */
export function clickHouseFeatures(version: string): ClickHouseFeatures {
  const [major, minor] = parseClickHouseVersion(version);
  const atLeast = ([m, n]: Version) => major > m || (major === m && minor >= n);
  const features = { version } as ClickHouseFeatures;
  for (const [name, release] of Object.entries(since)) features[name as keyof typeof since] = atLeast(release);
  return features;
}
