import { deadLettersTable, spansTable, type DeadLetterRecord, type SpanRecord } from '@tinsel/model';
import type { Store } from '@tinsel/store';
import type { IngestCounters } from './ingest-counters.ts';
import { deleteInProgressRows, type InProgressSpans } from './in-progress-spans.ts';

export interface SpanBatcherOptions {
  /** Flush when this many spans wait. */
  maxSpans?: number;
  /** Flush at least this often, in milliseconds. */
  maxDelayMs?: number;
  /** Spans held at most; past it new spans are dropped and counted (UDP has no one to push back on). */
  maxPending?: number;
  onError?: (error: unknown) => void;
}

/**
 * Gathers spans and dead letters from a source without acknowledgements
 * (UDP) into batches: appending one datagram at a time would cost a
 * transaction per span. Memory is bounded: past `maxPending` spans are
 * dropped and counted, never queued without limit.
 */
export class SpanBatcher {
  private spans: SpanRecord[] = [];
  private dead: DeadLetterRecord[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  /** Spans handed to a flush that has not finished: they count against `maxPending` too. */
  private writing = 0;
  private readonly maxSpans: number;
  private readonly maxDelayMs: number;
  private readonly maxPending: number;

  constructor(
    private readonly deps: { store: Pick<Store, 'append' | 'execute' | 'dialect'>; counters: IngestCounters; inProgress?: InProgressSpans },
    private readonly prefix: string,
    private readonly options: SpanBatcherOptions = {},
  ) {
    this.maxSpans = options.maxSpans ?? 5000;
    this.maxDelayMs = options.maxDelayMs ?? 200;
    this.maxPending = options.maxPending ?? 200_000;
  }

  add(spans: readonly SpanRecord[]): void {
    if (this.pending + spans.length > this.maxPending) {
      this.deps.counters.add(`${this.prefix}_spans_dropped_total`, spans.length);
      return;
    }
    for (const span of spans) this.spans.push(span);
    this.schedule();
  }

  /** Spans held: waiting for a flush or being written. */
  get pending(): number {
    return this.spans.length + this.writing;
  }

  reject(letter: DeadLetterRecord): void {
    this.deps.counters.add(`${this.prefix}_dead_letters_total`);
    if (this.dead.length < this.maxPending) this.dead.push(letter);
    this.schedule();
  }

  /** Writes whatever waits; resolves once it is in the store. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const spans = this.spans;
    const dead = this.dead;
    this.spans = [];
    this.dead = [];
    this.writing += spans.length;
    this.flushing = this.flushing.then(async () => {
      try {
        await this.deps.store.append(spansTable, spans);
        await this.deps.store.append(deadLettersTable, dead);
        const superseding = this.deps.inProgress?.note(spans) ?? [];
        if (superseding.length > 0) await this.deps.store.execute(deleteInProgressRows(this.deps.store.dialect, superseding));
        this.deps.counters.add(`${this.prefix}_spans_stored_total`, spans.length);
      } catch (error) {
        this.deps.counters.add(`${this.prefix}_spans_dropped_total`, spans.length);
        this.options.onError?.(error);
      } finally {
        this.writing -= spans.length;
      }
    });
    return this.flushing;
  }

  private schedule(): void {
    if (this.spans.length >= this.maxSpans) void this.flush();
    else if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.maxDelayMs);
  }
}
