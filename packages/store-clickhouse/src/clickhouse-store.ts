import type { ClickHouseSettings } from '@clickhouse/client';
import { columnNames, tables, type Columns, type RowOf, type TableName, type TableSchema } from '@tinsel/model';
import { StoreError, ident, ingestedFileFromRow, sql, type Dialect, type IngestedFile, type ResultRow, type Sql, type Store, type StoreStats, type StoreWriter } from '@tinsel/store';
import { clickHouseFeatures, type ClickHouseFeatures } from './clickhouse-features.ts';
import { ClickHouseConnection, openClient, serverVersion, type ConnectionOptions } from './clickhouse-connection.ts';
import { distributedDdl, ledgerDdl, mergeTreeDdl, storageTableName, ttlChange, type DdlOptions, type TableLayout } from './clickhouse-ddl.ts';
import { clickHouseDialect } from './clickhouse-dialect.ts';
import { ClickHouseWriter } from './clickhouse-writer.ts';
import { encodeRowBinary } from './encode-row-binary.ts';
import { ledgerColumns, ledgerTsv, selectNewestLedgerRow } from './ledger-rows.ts';
import { quoteName } from './quote-name.ts';
import { renderClickHouseSql } from './render-clickhouse-sql.ts';
import { parseDelete } from './translate-delete.ts';

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
  return new ClickHouseStore(entry, shards, others, layout, features, options.retentionDays);
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

  constructor(
    private readonly entry: ClickHouseConnection,
    /** Where rows are stored: the shards of a cluster, or the one server. */
    private readonly shards: ClickHouseConnection[],
    /** Further servers that only get the Distributed tables. */
    private readonly others: ClickHouseConnection[],
    private readonly layout: TableLayout,
    readonly features: ClickHouseFeatures,
    private readonly retentionDays: number | undefined,
  ) {
    this.dialect = clickHouseDialect(features.version);
  }

  async migrate(): Promise<void> {
    const ddl: DdlOptions = { features: this.features, layout: this.layout, retentionDays: this.retentionDays };
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

  /** Brings each table's TTL in line with `retentionDays` on servers that have TTL. */
  private async reconcileTtl(shard: ClickHouseConnection, ddl: DdlOptions): Promise<void> {
    if (!this.features.ttl) return;
    for (const table of Object.values(tables)) {
      const [row] = await shard.query(sql`SELECT engine_full FROM system.tables WHERE database = currentDatabase() AND name = ${storageTableName(table.name, this.layout)}`);
      const change = ttlChange(table, String(row?.engine_full ?? ''), ddl);
      if (change) await shard.command(change);
    }
  }

  append<S extends TableSchema<Columns>>(table: S, rows: readonly RowOf<S>[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    return this.insert(table.name, columnNames(table), 'RowBinary', encodeRowBinary(table, rows));
  }

  query(query: Sql): Promise<ResultRow[]> {
    return this.entry.query(query);
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

  /**
   * Retention: drops every day partition older than `days` days (UTC) from
   * every table on every shard. Dropping a partition removes its files at
   * once, without rewriting anything. Returns how many partitions went.
   */
  async dropPartitionsOlderThan(days: number, now = Date.now()): Promise<number> {
    const cutoff = new Date(now - Math.trunc(days) * 86_400_000).toISOString().slice(0, 10);
    let dropped = 0;
    for (const shard of this.shards) {
      for (const name of Object.keys(tables)) {
        const table = storageTableName(name, this.layout);
        const parts = await shard.query(sql`SELECT DISTINCT partition FROM system.parts WHERE database = currentDatabase() AND table = ${table} AND active`);
        for (const { partition } of parts) {
          const day = String(partition).replace(/'/g, '');
          if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || day >= cutoff) continue;
          await shard.command(`ALTER TABLE ${quoteName(table)} DROP PARTITION '${day}'`);
          dropped += 1;
        }
      }
    }
    return dropped;
  }

  /** Applies the configured retention, if any; the server calls it on a timer. */
  async applyRetention(now = Date.now()): Promise<number> {
    return this.retentionDays ? this.dropPartitionsOlderThan(this.retentionDays, now) : 0;
  }

  async close(): Promise<void> {
    await Promise.all(this.nodes().map((n) => n.close()));
  }

  /** Inserts encoded rows under a canonical table name (a Distributed table on a cluster). */
  insert(table: string, columns: string[], format: 'RowBinary' | 'TabSeparated', chunks: readonly (string | Buffer)[]): Promise<void> {
    // A Distributed insert returns only once every shard has its rows, so an
    // acknowledged append is stored, not queued on the entry node.
    const settings: ClickHouseSettings = this.layout.kind === 'cluster' ? { insert_distributed_sync: 1 } : {};
    return this.entry.insertChunks(quoteName(table), columns.map(quoteName), format, chunks, settings);
  }

  private nodes(): ClickHouseConnection[] {
    return [...new Set([this.entry, ...this.shards, ...this.others])];
  }
}
