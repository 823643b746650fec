import type { ClickHouseSettings } from '@clickhouse/client';
import { columnNames, tables, type Columns, type RowOf, type TableName, type TableSchema } from '@tinsel/model';
import { StoreError, ident, ingestedFileFromRow, sql, type Dialect, type IngestedFile, type ResultRow, type RetentionCutoffs, type RetentionOutcome, type Sql, type Store, type StoreReader, type StoreStats, type StoreWriter } from '@tinsel/store';
import { clickHouseFeatures, type ClickHouseFeatures } from './clickhouse-features.ts';
import { ClickHouseConnection, openClient, serverVersion, type ConnectionOptions, type InsertBody } from './clickhouse-connection.ts';
import { distributedDdl, ledgerDdl, mergeTreeDdl, storageTableName, ttlChange, type DdlOptions, type TableLayout } from './clickhouse-ddl.ts';
import { clickHouseDialect } from './clickhouse-dialect.ts';
import { ClickHouseWriter } from './clickhouse-writer.ts';
import { rowBinaryChunks } from './encode-row-binary.ts';
import { ledgerColumns, ledgerTsv, selectNewestLedgerRow } from './ledger-rows.ts';
import { quoteName } from './quote-name.ts';
import { dropExpiredPartitions } from './drop-expired-partitions.ts';
import { TraceShards, onLocalTables } from './trace-shards.ts';
import { renderClickHouseSql } from './render-clickhouse-sql.ts';
import { parseDelete } from './translate-delete.ts';

/**
 * Rows per insert by default. Each insert becomes a part on disk that the
 * server merges later, so fewer is better, but one part per append would
 * leave the server's sort-and-write of it waiting on nothing else. 50,000
 * requests rows is about 30 MB of RowBinary. An append of no more rows is
 * one insert, so it is stored whole or not at all.
 */
const INSERT_ROWS = 50_000;
/** Inserts in flight per append by default: one being encoded and read, one being written by the server. */
const CONCURRENT_INSERTS = 2;

/** Runs `work` over `items` with at most `limit` running at once; the first failure rejects. */
async function inTurns<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

export interface ClickHouseStoreOptions extends ConnectionOptions {
  database: string;
  /**
   * A cluster from the servers' `remote_servers`: local tables on each shard
   * and Distributed tables over them. `shardUrls` are the HTTP addresses of
   * the shards, where Tinsel creates tables and runs deletes and retention
   * (ON CLUSTER needs ZooKeeper; Tinsel does not).
   */
  cluster?: { name: string; shardUrls: string[] };
  /** Days to keep; TTL-capable servers also expire rows themselves. */
  retentionDays?: number;
  /**
   * Days to keep per table (a per-signal retention: requests, spans, logs);
   * tables not named keep `retentionDays`. Sets each table's TTL on servers
   * that have TTL, so TTL never deletes before the signal's own retention.
   */
  retentionDaysByTable?: DdlOptions['retentionDaysByTable'];
  /** Rows per insert when an append is larger (default 50,000). */
  insertRows?: number;
  /** Inserts of one append in flight at once (default 2). */
  concurrentInserts?: number;
}

/**
 * The scale-out store on ClickHouse.
 *
 * @example
 * const store = await createClickHouseStore({ url: 'http://127.0.0.1:8123', database: 'tinsel' });
 * await store.migrate();
 */
export async function createClickHouseStore(options: ClickHouseStoreOptions): Promise<ClickHouseStore> {
  const urls = [...new Set([options.url, ...(options.cluster?.shardUrls ?? [])])];
  let features: ClickHouseFeatures;
  try {
    features = await prepareDatabase(urls, options);
  } catch (cause) {
    throw new StoreError('TINSEL_ERR_STORE_OPEN', { cause });
  }
  const reads = options.cluster ? clusterReadSettings(features) : {};
  const connect = (url: string) => new ClickHouseConnection(openClient({ ...options, url }), features, reads);
  const entry = connect(options.url);
  const shards = options.cluster ? options.cluster.shardUrls.map(connect) : [entry];
  const others = urls.filter((u) => u !== options.url && !options.cluster?.shardUrls.includes(u)).map(connect);
  const layout: TableLayout = options.cluster ? { kind: 'cluster', cluster: options.cluster.name, database: options.database } : { kind: 'single' };
  const retention = { retentionDays: options.retentionDays, retentionDaysByTable: options.retentionDaysByTable };
  const inserts = { rows: options.insertRows ?? INSERT_ROWS, concurrent: options.concurrentInserts ?? CONCURRENT_INSERTS };
  return new ClickHouseStore(entry, shards, others, layout, features, retention, inserts);
}

/**
 * Reads on a cluster: a JOIN or IN over two Distributed tables runs its
 * inner side on each shard's local table. That is exact for Tinsel's joins,
 * which are all on trace id, because every table is sharded by it: a trace's
 * spans, requests and logs share a shard. Newer servers also skip the shards
 * a `trace_id = …` condition rules out.
 */
function clusterReadSettings(features: ClickHouseFeatures): ClickHouseSettings {
  return { distributed_product_mode: 'local', ...(features.skipUnusedShards ? { optimize_skip_unused_shards: 1 } : {}) };
}

/** Reads the version (every server must run the same release) and creates the database on each. */
async function prepareDatabase(urls: string[], options: ClickHouseStoreOptions): Promise<ClickHouseFeatures> {
  let version = '';
  for (const url of urls) {
    const client = openClient({ ...options, url, database: undefined });
    try {
      version ||= await serverVersion(client);
      await client.command({ query: `CREATE DATABASE IF NOT EXISTS ${quoteName(options.database)}` });
    } finally {
      await client.close();
    }
  }
  return clickHouseFeatures(version);
}

export class ClickHouseStore implements Store {
  readonly dialect: Dialect;
  /** Learned on the first story read from a cluster. */
  private traceShards: Promise<TraceShards | null> | null = null;

  constructor(
    private readonly entry: ClickHouseConnection,
    /** Where rows are stored: the shards of a cluster, or the one server. */
    private readonly shards: ClickHouseConnection[],
    /** Further servers that only get the Distributed tables. */
    private readonly others: ClickHouseConnection[],
    private readonly layout: TableLayout,
    readonly features: ClickHouseFeatures,
    private readonly retention: Pick<DdlOptions, 'retentionDays' | 'retentionDaysByTable'>,
    private readonly inserts: { rows: number; concurrent: number } = { rows: INSERT_ROWS, concurrent: CONCURRENT_INSERTS },
  ) {
    this.dialect = clickHouseDialect(features.version);
  }

  async migrate(): Promise<void> {
    const ddl: DdlOptions = { features: this.features, layout: this.layout, ...this.retention };
    const local = [...Object.values(tables).map((t) => mergeTreeDdl(t, ddl)), ledgerDdl(this.layout)[0]!];
    for (const shard of this.shards) {
      for (const statement of local) await shard.command(statement);
      await this.reconcileTtl(shard, ddl);
    }
    if (this.layout.kind === 'single') return;
    const layout = this.layout;
    const distributed = [...Object.values(tables).map((t) => distributedDdl(t, layout)), ledgerDdl(layout)[1]!];
    for (const node of this.nodes()) for (const statement of distributed) await node.command(statement);
  }

  /** Brings each table's TTL in line with its retention days on servers that have TTL. */
  private async reconcileTtl(shard: ClickHouseConnection, ddl: DdlOptions): Promise<void> {
    if (!this.features.ttl) return;
    for (const table of Object.values(tables)) {
      const [row] = await shard.query(sql`SELECT engine_full FROM system.tables WHERE database = currentDatabase() AND name = ${storageTableName(table.name, this.layout)}`);
      const change = ttlChange(table, String(row?.engine_full ?? ''), ddl);
      if (change) await shard.command(change);
    }
  }

  /**
   * Appends rows in inserts of at most `insertRows`, `concurrentInserts` at a time, each
   * encoded while it is sent: the server sorts and writes one part while
   * the next is encoded and read, so encoding and the server's work overlap.
   */
  async append<S extends TableSchema<Columns>>(table: S, rows: readonly RowOf<S>[]): Promise<void> {
    if (rows.length === 0) return;
    const columns = columnNames(table);
    const parts = Math.ceil(rows.length / Math.max(1, this.inserts.rows));
    const size = Math.ceil(rows.length / parts);
    const slices = Array.from({ length: parts }, (_, i) => rows.slice(i * size, (i + 1) * size));
    await inTurns(slices, Math.max(1, this.inserts.concurrent), (slice) => this.insert(table.name, columns, 'RowBinary', () => rowBinaryChunks(table, slice)));
  }

  query(query: Sql): Promise<ResultRow[]> {
    return this.entry.query(query);
  }

  /** On a cluster, the shard holding the trace, read through its own tables (see TraceShards). */
  async traceScope(traceId: string): Promise<StoreReader> {
    if (this.layout.kind !== 'cluster') return this;
    this.traceShards ??= TraceShards.discover(this.layout.cluster, this.shards).catch(() => null);
    const shards = await this.traceShards;
    if (shards === null) return this;
    const shard = await shards.shardOf(this.entry, traceId);
    return { dialect: this.dialect, query: (query: Sql) => shard.query(onLocalTables(query)) };
  }

  async execute(statement: Sql): Promise<void> {
    const { text, params } = renderClickHouseSql(statement, this.features);
    const deletion = parseDelete(text);
    if (!deletion) return this.entry.command(text, params);
    const table = storageTableName(deletion.table, this.layout);
    const settings: ClickHouseSettings = this.features.mutationsSync ? { mutations_sync: '2' } : {};
    for (const shard of this.shards) {
      await shard.command(`ALTER TABLE ${quoteName(table)} DELETE WHERE ${deletion.where}`, params, settings);
      await shard.awaitMutations(table);
    }
  }

  async openWriter(): Promise<StoreWriter> {
    return new ClickHouseWriter(this);
  }

  async findIngestedFile(key: string): Promise<IngestedFile | undefined> {
    const [row] = await this.query(selectNewestLedgerRow(key));
    return row ? ingestedFileFromRow(row) : undefined;
  }

  recordIngestedFile(file: IngestedFile): Promise<void> {
    return this.insert('ingested_files', ledgerColumns, 'TabSeparated', [ledgerTsv(file)]);
  }

  async stats(): Promise<StoreStats> {
    const rows = {} as Record<TableName, number>;
    for (const name of Object.keys(tables) as TableName[]) {
      const [row] = await this.query(sql`SELECT count() AS n FROM ${ident(name)}`);
      rows[name] = Number(row?.n ?? 0);
    }
    let bytesOnDisk = 0;
    for (const shard of this.shards) {
      const [row] = await shard.query(sql`SELECT sum(bytes_on_disk) AS bytes FROM system.parts WHERE database = currentDatabase() AND active`);
      bytesOnDisk += Number(row?.bytes ?? 0);
    }
    return { rows, bytesOnDisk };
  }

  /** Merges each table's parts (a merge never changes the rows, only their layout on disk). */
  async compact(): Promise<void> {
    for (const shard of this.shards) {
      for (const name of [...Object.keys(tables), 'ingested_files']) await shard.command(`OPTIMIZE TABLE ${quoteName(storageTableName(name, this.layout))}`);
    }
  }

  applyRetention(cutoffs: RetentionCutoffs): Promise<RetentionOutcome[]> {
    return dropExpiredPartitions(this.shards, this.layout, cutoffs);
  }

  async close(): Promise<void> {
    await Promise.all(this.nodes().map((n) => n.close()));
  }

  /** Inserts encoded rows under a canonical table name (a Distributed table on a cluster). */
  insert(table: string, columns: string[], format: 'RowBinary' | 'TabSeparated', chunks: InsertBody): Promise<void> {
    // A Distributed insert returns only once every shard has its rows, so an
    // acknowledged append is stored, not queued on the entry node.
    const settings: ClickHouseSettings = this.layout.kind === 'cluster' ? { insert_distributed_sync: 1 } : {};
    return this.entry.insertChunks(quoteName(table), columns.map(quoteName), format, chunks, settings);
  }

  private nodes(): ClickHouseConnection[] {
    return [...new Set([this.entry, ...this.shards, ...this.others])];
  }
}
