import type { SpanRecord } from '@tinsel/model';
import { join, sql, type Dialect, type Sql, type Store } from '@tinsel/store';

/**
 * Remembers spans recently stored in progress (X-Ray sends a long request's
 * segment once started and again when complete) so that the complete
 * version can replace the in-progress row. Bounded: the oldest keys are
 * forgotten first; trace lookups still prefer the complete version of any
 * span whose in-progress row outlived this memory.
 */
export class InProgressSpans {
  private readonly open = new Set<string>();

  constructor(private readonly capacity = 100_000) {}

  /** Notes in-progress spans; returns the complete ones that supersede a remembered in-progress row. */
  note(spans: readonly SpanRecord[]): SpanRecord[] {
    const superseding: SpanRecord[] = [];
    for (const span of spans) {
      const key = `${span.trace_id}/${span.span_id}`;
      if (span.in_progress) this.remember(key);
      else if (this.open.delete(key)) superseding.push(span);
    }
    return superseding;
  }

  /**
   * Remembers again the in-progress rows stored since `sinceMicros` (newest
   * first, up to the capacity): after a restart, a complete segment still
   * replaces the in-progress row an earlier run stored.
   */
  async restore(store: Pick<Store, 'query' | 'dialect'>, sinceMicros: number): Promise<number> {
    const rows = await store.query(sql`SELECT trace_id, span_id FROM spans WHERE in_progress AND start_time >= ${store.dialect.timestamp(sinceMicros)} ORDER BY start_time DESC LIMIT ${this.capacity}`);
    // Oldest first, so the newest are the last to be forgotten.
    for (const row of rows.reverse()) this.remember(`${String(row.trace_id)}/${String(row.span_id)}`);
    return rows.length;
  }

  private remember(key: string): void {
    this.open.delete(key);
    this.open.add(key);
    // A Set iterates in insertion order: the first key is the oldest.
    if (this.open.size > this.capacity) this.open.delete(this.open.values().next().value as string);
  }
}

/** The DELETE that removes the in-progress rows the given complete spans replace. */
export function deleteInProgressRows(dialect: Dialect, spans: readonly SpanRecord[]): Sql {
  const keys = spans.map((span) => sql`(trace_id = ${dialect.traceId(span.trace_id)} AND span_id = ${span.span_id})`);
  return sql`DELETE FROM spans WHERE in_progress AND (${join(keys, sql` OR `)})`;
}
