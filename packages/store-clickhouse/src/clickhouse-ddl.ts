import type { TableName, TableSchema } from '@tinsel/model';
import type { ClickHouseFeatures } from './clickhouse-features.ts';
import { clickHouseColumnType, clickHouseSecondsOf } from './clickhouse-column-types.ts';
import { quoteName } from './quote-name.ts';

/** Where a table's rows live: one server, or local tables on each shard behind a Distributed table. */
export type TableLayout = { kind: 'single' } | { kind: 'cluster'; cluster: string; database: string };

export interface DdlOptions {
  features: ClickHouseFeatures;
  layout: TableLayout;
  /** Days to keep; with a TTL-capable server the tables also expire rows themselves. */
  retentionDays?: number;
  /**
   * Days to keep per table, where a signal keeps its own (requests, spans,
   * logs); a table not named falls back to `retentionDays`. The TTL of each
   * table follows its own days, so it never deletes rows its signal still keeps.
   */
  retentionDaysByTable?: Partial<Record<TableName, number>>;
}

/**
 * The days a table keeps under `options`: its own, else the common
 * retention; undefined keeps everything. The full-text index of the logs
 * keeps at least as long as the logs, and a day more: a block is filed under
 * its first event's day, and a log line without its block would never again
 * be found by a word.
 */
export function retentionDaysOf(table: string, options: Pick<DdlOptions, 'retentionDays' | 'retentionDaysByTable'>): number | undefined {
  const of = (name: TableName) => options.retentionDaysByTable?.[name] ?? options.retentionDays;
  if (table !== 'log_blocks') return of(table as TableName);
  const own = of('log_blocks');
  const logs = of('logs');
  if (own === undefined || logs === undefined) return undefined;
  return Math.max(own, logs + 1);
}

/**
 * The column that groups rows inside an hour of the sort key: the thing the
 * dominant queries filter on next to time (load balancer, service, source).
 */
const groupColumn: Record<string, string> = {
  requests: 'elb',
  spans: 'service',
  logs: 'ifNull(service, \'\')',
  dead_letters: 'signal',
  log_blocks: 'scheme',
  incidents: 'family',
};

/** The table the rows are written to: itself on one server, `<name>_local` on each shard of a cluster. */
export function storageTableName(name: string, layout: TableLayout): string {
  return layout.kind === 'cluster' ? `${name}_local` : name;
}

/**
 * CREATE TABLE for a canonical table: MergeTree partitioned by day (so that
 * retention drops whole partitions), sorted by hour, then the group column,
 * then trace id, then time: a time-range scan reads a contiguous range, and a
 * story lookup bounded by the trace's time (X-Ray ids embed it) finds its
 * rows in few granules.
 */
/**
 * Rows per granule, the unit ClickHouse reads: a story's few rows each cost a
 * granule of every column, so a quarter of the default 8,192 reads a quarter
 * as much for them, at the price of a larger (still small) primary index.
 */
const INDEX_GRANULARITY = 2048;

export function mergeTreeDdl(table: TableSchema, options: DdlOptions): string {
  const { features } = options;
  const time = quoteName(table.timeColumn);
  const seconds = clickHouseSecondsOf(time, features);
  const columns = Object.entries(table.columns).map(([name, spec]) => `${quoteName(name)} ${clickHouseColumnType(spec, features)}`);
  const indexes = features.skipIndexes ? skipIndexes(table) : [];
  const traceKey = 'trace_id' in table.columns ? (table.columns.trace_id!.nullable ? "ifNull(trace_id, '')" : 'trace_id') : null;
  // 18.16 sorts a Decimal64 column in time far slower than its Float64 image
  // (an insert of 200k log lines already sorted by time: 7.7 s against
  // 0.3 s), so old servers order by the Float64, exact to the microsecond
  // for any date Tinsel stores.
  const timeKey = features.dateTime64 ? time : `toFloat64(${time})`;
  const order = [`toStartOfHour(${seconds})`, groupColumn[table.name] ?? "''", ...(traceKey ? [traceKey] : []), timeKey];
  const days = retentionDaysOf(table.name, options);
  const ttl = features.ttl && days ? ` TTL ${ttlExpression(table, options.features, days)}` : '';
  // Retried inserts carry a token; the window makes a plain MergeTree remember recent ones.
  const settings = ` SETTINGS index_granularity = ${INDEX_GRANULARITY}${features.insertDeduplicationToken ? ', non_replicated_deduplication_window = 1000' : ''}`;
  const name = quoteName(storageTableName(table.name, options.layout));
  return `CREATE TABLE IF NOT EXISTS ${name} (${[...columns, ...indexes].join(', ')}) ENGINE = MergeTree PARTITION BY toDate(${seconds}) ORDER BY (${order.join(', ')})${ttl}${settings}`;
}

function ttlExpression(table: TableSchema, features: ClickHouseFeatures, days: number): string {
  return `toDate(${clickHouseSecondsOf(quoteName(table.timeColumn), features)}) + INTERVAL ${Math.trunc(days)} DAY`;
}

/**
 * The ALTER that makes an existing table's TTL follow its retention days, or
 * undefined when it already does. A TTL is fixed when the table is made; a
 * changed (or removed) retention must not leave the old one deleting rows.
 * `engineFull` is the table's `system.tables.engine_full`, where ClickHouse
 * writes `INTERVAL 30 DAY` as `toIntervalDay(30)`.
 */
export function ttlChange(table: TableSchema, engineFull: string, options: DdlOptions): string | undefined {
  if (!options.features.ttl) return undefined;
  const name = quoteName(storageTableName(table.name, options.layout));
  const days = retentionDaysOf(table.name, options);
  if (days) return engineFull.includes(` TTL `) && engineFull.includes(`toIntervalDay(${Math.trunc(days)})`) ? undefined : `ALTER TABLE ${name} MODIFY TTL ${ttlExpression(table, options.features, days)}`;
  return engineFull.includes(' TTL ') ? `ALTER TABLE ${name} REMOVE TTL` : undefined;
}

function skipIndexes(table: TableSchema): string[] {
  const indexes: string[] = [];
  if ('trace_id' in table.columns) indexes.push('INDEX trace_id_bloom trace_id TYPE bloom_filter(0.01) GRANULARITY 4');
  if (table.name === 'logs') indexes.push('INDEX message_tokens message TYPE tokenbf_v1(8192, 3, 0) GRANULARITY 4');
  if (table.name === 'requests') indexes.push('INDEX path_tokens request_path TYPE tokenbf_v1(8192, 3, 0) GRANULARITY 4');
  return indexes;
}

/**
 * The Distributed table a cluster queries under the canonical name, sharded
 * by trace id so that one story's rows sit on one shard. Rows without a
 * trace id spread at random rather than piling onto one shard.
 */
export function distributedDdl(table: TableSchema, layout: Extract<TableLayout, { kind: 'cluster' }>): string {
  const key = !('trace_id' in table.columns)
    ? 'rand()'
    : table.columns.trace_id!.nullable
      ? 'if(isNull(trace_id), toUInt64(rand()), cityHash64(assumeNotNull(trace_id)))'
      : 'cityHash64(trace_id)';
  return `CREATE TABLE IF NOT EXISTS ${quoteName(table.name)} AS ${quoteName(storageTableName(table.name, layout))} ENGINE = Distributed(${quoteName(layout.cluster)}, ${quoteName(layout.database)}, ${quoteName(storageTableName(table.name, layout))}, ${key})`;
}

/**
 * The ledger of ingested files. No updates in ClickHouse: each record is a
 * new row with a larger version, and readers take the newest.
 */
export function ledgerDdl(layout: TableLayout): string[] {
  const local = `CREATE TABLE IF NOT EXISTS ${quoteName(storageTableName('ingested_files', layout))} (
  key String, size Int64, sha256 String, content_tag Nullable(String), rows Int64, dead_letters Int64,
  status String, ingested_at String, version UInt64
) ENGINE = ReplacingMergeTree(version) ORDER BY key`;
  if (layout.kind === 'single') return [local];
  const distributed = `CREATE TABLE IF NOT EXISTS ingested_files AS ingested_files_local ENGINE = Distributed(${quoteName(layout.cluster)}, ${quoteName(layout.database)}, ingested_files_local, cityHash64(key))`;
  return [local, distributed];
}
