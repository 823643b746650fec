import { outsideContext } from '../context/ambient.ts';
import { BoundedQueue } from './bounded-queue.ts';

/** How a shipper sends one batch; resolves false when the batch was not accepted. */
export type SendBatch<T> = (batch: T[]) => Promise<boolean>;

export interface ShipperOptions {
  capacity: number;
  batchSize: number;
  intervalMs: number;
}

/** Counts a shipper keeps: what was sent, what was dropped and why. */
export interface ShipperStats {
  queued: number;
  sent: number;
  /** Refused because the queue was full. */
  droppedQueueFull: number;
  /** Lost because a send failed (Tinsel down, timeout, refusal). */
  droppedSendFailed: number;
}

/**
 * Gathers items in a bounded queue and sends them in batches on a timer
 * that never keeps the process alive. One send at a time; a failed batch is
 * dropped and counted rather than retried, so an outage never builds up.
 */
export class BatchShipper<T> {
  private readonly queue: BoundedQueue<T>;
  private readonly timer: NodeJS.Timeout;
  private inFlight: Promise<void> | null = null;
  private sent = 0;
  private failed = 0;

  constructor(private readonly send: SendBatch<T>, private readonly options: ShipperOptions) {
    this.queue = new BoundedQueue<T>(options.capacity);
    this.timer = outsideContext(() => setInterval(() => void this.flushOnce(), options.intervalMs));
    this.timer.unref();
  }

  /** Queues one item; never throws, never blocks. */
  enqueue(item: T): void {
    this.queue.push(item);
    if (this.queue.length >= this.options.batchSize && this.inFlight === null) void this.flushOnce();
  }

  stats(): ShipperStats {
    return { queued: this.queue.length, sent: this.sent, droppedQueueFull: this.queue.dropped, droppedSendFailed: this.failed };
  }

  /** Sends everything queued, batch after batch, or until `timeoutMs` passes. */
  async flush(timeoutMs = 2000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    if (this.inFlight !== null) await this.inFlight;
    while (this.queue.length > 0 && Date.now() < deadline) await this.flushOnce();
  }

  /** Stops the timer after a last flush. */
  async close(timeoutMs = 2000): Promise<void> {
    clearInterval(this.timer);
    await this.flush(timeoutMs);
  }

  private flushOnce(): Promise<void> {
    if (this.inFlight !== null) return this.inFlight;
    if (this.queue.length === 0) return Promise.resolve();
    const batch = this.queue.take(this.options.batchSize);
    this.inFlight = outsideContext(() => this.send(batch))
      .catch(() => false)
      .then((accepted) => {
        if (accepted) this.sent += batch.length;
        else this.failed += batch.length;
        this.inFlight = null;
      });
    return this.inFlight;
  }
}
