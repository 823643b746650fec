import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { ClickHouseLogLevel, createClient, type ClickHouseClient, type ClickHouseSettings } from '@clickhouse/client';
import { StoreError, type ResultRow, type Sql } from '@tinsel/store';
import type { ClickHouseFeatures } from './clickhouse-features.ts';
import { decodeResult, type JsonCompactResult } from './decode-result.ts';
import { quoteString, renderClickHouseSql } from './render-clickhouse-sql.ts';
import { retryInsert } from './retry-insert.ts';

export interface ConnectionOptions {
  url: string;
  database?: string;
  username?: string;
  password?: string;
}

/**
 * The rows of one insert: encoded chunks, or a function that encodes them
 * as they are sent (called again for each attempt).
 */
export type InsertBody = readonly (string | Buffer)[] | (() => Iterable<string | Buffer>);

/** A client for one ClickHouse server, quiet (Tinsel reports failures itself). */
export function openClient(options: ConnectionOptions): ClickHouseClient {
  return createClient({
    url: options.url,
    ...(options.database ? { database: options.database } : {}),
    username: options.username ?? 'default',
    password: options.password ?? '',
    request_timeout: 120_000,
    log: { level: ClickHouseLogLevel.OFF },
  });
}

/** Reads `SELECT version()` of a server. */
export async function serverVersion(client: ClickHouseClient): Promise<string> {
  const result = await client.query({ query: 'SELECT version() AS v', format: 'JSONCompact' });
  const body = (await result.json()) as unknown as JsonCompactResult;
  return String(body.data[0]?.[0] ?? '');
}

/**
 * One server as the store speaks to it: Sql in, decoded rows out; inserts
 * of TabSeparated text with retries that cannot duplicate; statements that
 * wait for the mutations they start.
 */
export class ClickHouseConnection {
  constructor(
    readonly client: ClickHouseClient,
    readonly features: ClickHouseFeatures,
    /** Settings of every read, e.g. shard pruning on a cluster. */
    private readonly querySettings: ClickHouseSettings = {},
  ) {}

  async query(query: Sql): Promise<ResultRow[]> {
    const { text, params } = renderClickHouseSql(query, this.features);
    try {
      const result = await this.client.query({ query: text, format: 'JSONCompact', query_params: params, clickhouse_settings: this.querySettings });
      return decodeResult((await result.json()) as unknown as JsonCompactResult);
    } catch (cause) {
      throw new StoreError('TINSEL_ERR_STORE_QUERY', { cause });
    }
  }

  /** Runs a statement written by Tinsel itself (DDL, ALTER) or rendered from Sql. */
  async command(text: string, params: Record<string, unknown> = {}, settings: ClickHouseSettings = {}): Promise<void> {
    try {
      await this.client.command({ query: text, query_params: params, clickhouse_settings: settings });
    } catch (cause) {
      throw new StoreError('TINSEL_ERR_STORE_QUERY', { cause });
    }
  }

  /**
   * Inserts chunks of rows in `format` (RowBinary, TabSeparated). Every attempt of one batch carries the same
   * deduplication token where the server has them, so a retry after a lost
   * answer is dropped by the server instead of doubling the rows; older
   * servers retry only when the connection was refused (nothing was sent).
   */
  async insertChunks(table: string, columns: string[], format: 'RowBinary' | 'TabSeparated', chunks: InsertBody, settings: ClickHouseSettings = {}): Promise<void> {
    if (Array.isArray(chunks) && chunks.length === 0) return;
    const body = typeof chunks === 'function' ? chunks : () => chunks as readonly (string | Buffer)[];
    const token = randomUUID();
    const dedup: ClickHouseSettings = this.features.insertDeduplicationToken ? { insert_deduplication_token: token } : {};
    const query = `INSERT INTO ${table} (${columns.join(', ')}) FORMAT ${format}`;
    try {
      await retryInsert(this.features, async () => {
        const result = await this.client.exec({ query, values: Readable.from(body()), clickhouse_settings: { ...settings, ...dedup } });
        result.stream.resume();
        await new Promise((resolve, reject) => result.stream.once('end', resolve).once('error', reject));
      });
    } catch (cause) {
      throw new StoreError('TINSEL_ERR_STORE_APPEND', { cause });
    }
  }

  /**
   * Waits until no mutation of `table` is running. Servers with
   * `mutations_sync` wait inside the ALTER itself; older ones are polled.
   */
  async awaitMutations(table: string, timeoutMs = 120_000): Promise<void> {
    if (this.features.mutationsSync) return;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = await this.client.query({
        query: `SELECT count() AS n FROM system.mutations WHERE database = currentDatabase() AND table = ${quoteString(table)} AND is_done = 0`,
        format: 'JSONCompact',
      });
      const body = (await result.json()) as unknown as JsonCompactResult;
      if (Number(body.data[0]?.[0] ?? 0) === 0) return;
      if (Date.now() > deadline) throw new StoreError('TINSEL_ERR_STORE_QUERY', { cause: new Error(`mutations on ${table} still running after ${timeoutMs} ms`) });
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
