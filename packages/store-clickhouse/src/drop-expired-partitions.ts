import type { TableName } from '@tinsel/model';
import { sql, type RetentionCutoffs, type RetentionOutcome } from '@tinsel/store';
import type { ClickHouseConnection } from './clickhouse-connection.ts';
import { storageTableName, type TableLayout } from './clickhouse-ddl.ts';
import { quoteName } from './quote-name.ts';

const dayMs = 86_400_000;

/**
 * The last day partition that may go for a cutoff: every row of day D is
 * before D + 1, so D may go when D + 1 is at or before the cutoff. A
 * full-text block is filed under its first event's day and may run into the
 * next, so its partitions wait one day more.
 */
function lastExpiredDay(table: TableName, cutoff: Date): string {
  const grace = table === 'log_blocks' ? 1 : 0;
  return new Date(Math.floor(cutoff.getTime() / dayMs) * dayMs - (1 + grace) * dayMs).toISOString().slice(0, 10);
}

/**
 * Retention on ClickHouse: drops each table's whole day partitions that lie
 * before its cutoff, on every shard. Dropping a partition removes its files
 * at once without rewriting anything; rows of the cutoff's own day wait
 * until the day is wholly past.
 */
export async function dropExpiredPartitions(shards: readonly ClickHouseConnection[], layout: TableLayout, cutoffs: RetentionCutoffs): Promise<RetentionOutcome[]> {
  const outcomes: RetentionOutcome[] = [];
  for (const [name, cutoff] of Object.entries(cutoffs) as [TableName, Date | undefined][]) {
    if (!(cutoff instanceof Date)) continue;
    const last = lastExpiredDay(name, cutoff);
    const table = storageTableName(name, layout);
    const outcome: RetentionOutcome = { table: name, cutoff: cutoff.toISOString(), removedRows: 0, droppedPartitions: 0 };
    for (const shard of shards) {
      const parts = await shard.query(sql`SELECT partition, sum(rows) AS n FROM system.parts WHERE database = currentDatabase() AND table = ${table} AND active GROUP BY partition`);
      for (const { partition, n } of parts) {
        const day = String(partition).replace(/'/g, '');
        if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || day > last) continue;
        // The day is checked against a strict pattern above, so it is safe as literal text.
        await shard.command(`ALTER TABLE ${quoteName(table)} DROP PARTITION '${day}'`);
        outcome.droppedPartitions += 1;
        outcome.removedRows += Number(n ?? 0);
      }
    }
    outcomes.push(outcome);
  }
  return outcomes;
}
