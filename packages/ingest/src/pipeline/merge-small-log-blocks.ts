import { GramSet, logBlocksTable, type LogBlockRecord } from '@tinsel/model';
import { ident, join, sql, type Store } from '@tinsel/store';
import { blockRecord, type BuiltLogBlock } from './log-blocks.ts';

/**
 * Blocks with fewer events than this are merged with the next ones this
 * process writes. Larger ones are left alone: merging them saved a search
 * little and cost ingest a transaction more per few batches.
 */
export const SMALL_LOG_BLOCK_ROWS = 512;
// Small blocks replaced by one merge: bounds the DELETE, and how many index
// rows a search may read before they are folded together.
const MAX_PENDING = 32;

/**
 * Folds the index blocks of small transactions together (a busy server
 * commits many small batches, each with a block of its own, and a search
 * reads every block in its range). It remembers the grams of the small
 * blocks this process wrote, so a merged block is the union of their
 * grams, built without reading a single event back; the merged block is
 * written and the small ones deleted in one transaction (where the store
 * has them; else in that order, so a failure part-way leaves an extra
 * block, never a missing one). Each small block is deleted by its whole row,
 * filter included. Blocks of an earlier process stay as they are.
 */
export class SmallLogBlockMerger {
  private grams = new GramSet();
  private pending: LogBlockRecord[] = [];
  private rows = 0;
  private min = Infinity;
  private max = -Infinity;

  /** Notes blocks just committed; only small ones are kept for merging. */
  add(blocks: readonly BuiltLogBlock[]): void {
    for (const { block, grams } of blocks) {
      if (block.rows >= SMALL_LOG_BLOCK_ROWS || block.bloom === null) continue;
      this.pending.push(block);
      this.grams.addAll(grams);
      this.rows += block.rows;
      this.min = Math.min(this.min, block.min_time);
      this.max = Math.max(this.max, block.max_time);
    }
  }

  /** True when enough small blocks wait to be worth one merge. */
  get due(): boolean {
    return this.pending.length >= MAX_PENDING || (this.pending.length > 1 && this.rows >= SMALL_LOG_BLOCK_ROWS);
  }

  /** Writes the merged block in place of the pending ones; on failure forgets them (they stay, unmerged). */
  async merge(store: Store): Promise<void> {
    const merged = blockRecord(this.min, this.max, this.rows, this.grams);
    const pending = this.pending;
    const { dialect } = store;
    const each = pending.map((b) => sql`(min_time = ${dialect.timestamp(b.min_time)} AND max_time = ${dialect.timestamp(b.max_time)} AND rows = ${b.rows} AND bloom = ${b.bloom})`);
    try {
      const writer = await store.openWriter();
      try {
        await writer.append(logBlocksTable, [merged]);
        await writer.execute(sql`DELETE FROM ${ident(logBlocksTable.name)} WHERE ${join(each, sql` OR `)}`);
        await writer.commit();
      } catch (error) {
        await writer.rollback();
        throw error;
      }
    } catch (error) {
      this.reset();
      throw error;
    }
    // A merged block still small goes on gathering; a full one is left alone.
    if (this.rows >= SMALL_LOG_BLOCK_ROWS) this.reset();
    else this.pending = [merged];
  }

  private reset(): void {
    this.grams = new GramSet();
    this.pending = [];
    this.rows = 0;
    this.min = Infinity;
    this.max = -Infinity;
  }
}
