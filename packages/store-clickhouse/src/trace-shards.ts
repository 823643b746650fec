import { tables } from '@tinsel/model';
import { Sql, sql } from '@tinsel/store';
import type { ClickHouseConnection } from './clickhouse-connection.ts';

/** A shard and the last sharding slot it takes (slots are the key modulo the total weight). */
interface Slots {
  shard: ClickHouseConnection;
  /** Exclusive end of the shard's slots. */
  end: bigint;
}

/**
 * Which shard of a cluster holds a trace. Tinsel's Distributed tables send
 * a row to the shard whose slot range holds `cityHash64(trace_id)` modulo
 * the shards' total weight, the ranges laid out by weight in shard order:
 * computing the same here lets a story read its shard's tables directly,
 * where a Distributed table would ask every shard (ClickHouse 18.16 cannot
 * skip the others).
 */
export class TraceShards {
  private constructor(
    private readonly slots: Slots[],
    private readonly total: bigint,
  ) {}

  /**
   * Learns each shard's number and weight from the shard itself
   * (`system.clusters`, the row it marks local). Resolves to null when the
   * shards do not line up one to one with the cluster's, so reads keep
   * going through the Distributed tables.
   */
  static async discover(cluster: string, shards: readonly ClickHouseConnection[]): Promise<TraceShards | null> {
    const found: { num: number; weight: bigint; shard: ClickHouseConnection }[] = [];
    for (const shard of shards) {
      const rows = await shard.query(sql`SELECT shard_num, shard_weight FROM system.clusters WHERE cluster = ${cluster} AND is_local = 1 GROUP BY shard_num, shard_weight`);
      if (rows.length !== 1) return null;
      found.push({ num: Number(rows[0]!.shard_num), weight: BigInt(String(rows[0]!.shard_weight)), shard });
    }
    const [all] = await shards[0]!.query(sql`SELECT uniqExact(shard_num) AS n FROM system.clusters WHERE cluster = ${cluster}`);
    const nums = new Set(found.map((f) => f.num));
    if (nums.size !== shards.length || Number(all?.n) !== shards.length) return null;
    found.sort((a, b) => a.num - b.num);
    let end = 0n;
    const slots = found.map(({ shard, weight }) => ({ shard, end: (end += weight) }));
    return new TraceShards(slots, end);
  }

  /** The shard holding `traceId` (32-hex), hashed by the server as the sharding key is. */
  async shardOf(entry: ClickHouseConnection, traceId: string): Promise<ClickHouseConnection> {
    const [row] = await entry.query(sql`SELECT toString(cityHash64(${traceId})) AS h`);
    const slot = BigInt(String(row?.h)) % this.total;
    return (this.slots.find((s) => slot < s.end) ?? this.slots[this.slots.length - 1]!).shard;
  }
}

const canonical = new Set(Object.keys(tables));

/** The same query on a shard's own tables: every canonical table name becomes its `_local` table. */
export function onLocalTables(query: Sql): Sql {
  return new Sql(query.parts.map((part) => (part.kind === 'ident' && canonical.has(part.name) ? { kind: 'ident', name: `${part.name}_local` } : part)));
}
