import { tables, type TableName } from '@tinsel/model';
import { ident, sql, type RetentionCutoffs, type Sql } from '@tinsel/store';

/**
 * The column a table's rows expire by. A full-text block goes only when its
 * newest event has, so a search never loses the index of a row still kept.
 */
function expiryColumn(table: TableName): string {
  return table === 'log_blocks' ? 'max_time' : tables[table].timeColumn;
}

/** One DELETE per table named in `cutoffs`, with the cutoff it applies. */
export function deleteExpired(cutoffs: RetentionCutoffs): { table: TableName; cutoff: Date; statement: Sql }[] {
  return (Object.entries(cutoffs) as [TableName, Date | undefined][])
    .filter((entry): entry is [TableName, Date] => entry[1] instanceof Date && entry[0] in tables)
    .map(([table, cutoff]) => {
      // Times are stored as UTC TIMESTAMP; a Date parameter would have no DuckDB type to bind as.
      const utc = cutoff.toISOString().slice(0, -1);
      return { table, cutoff, statement: sql`DELETE FROM ${ident(table)} WHERE ${ident(expiryColumn(table))} < CAST(${utc} AS TIMESTAMP)` };
    });
}
