import { outsideContext } from '../context/ambient.ts';
import type { ShipperStats } from './batch-shipper.ts';

interface Chunk { bytes: Buffer; used: number; lines: number }

export interface LineShipperOptions {
  /** Bytes held at most, all chunks together; lines beyond are dropped and counted. */
  capacityBytes: number;
  chunkBytes: number;
  intervalMs: number;
}

/**
 * Ships newline-separated text lines (CLEF as pino wrote it) in chunks.
 * Each line is copied at once into a chunk outside the JS heap, so a busy
 * logger does not keep thousands of strings alive for the garbage
 * collector to walk; full chunks go out one send at a time. Bounded by
 * bytes: when Tinsel is down, lines are dropped and counted.
 */
export class LineShipper {
  private sealed: Chunk[] = [];
  private current: Chunk | null = null;
  private held = 0;
  private inFlight: Promise<void> | null = null;
  private readonly timer: NodeJS.Timeout;
  private counts = { sent: 0, droppedQueueFull: 0, droppedSendFailed: 0 };

  constructor(private readonly send: (body: Buffer) => Promise<boolean>, private readonly options: LineShipperOptions) {
    this.timer = outsideContext(() => setInterval(() => void this.flushOnce(true), options.intervalMs));
    this.timer.unref();
  }

  /** Copies one line in; never throws, never blocks. */
  enqueue(line: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit: with that much room the byte count is not needed first.
    const worst = line.length * 3 + 1;
    const room = this.current === null ? 0 : this.current.bytes.length - this.current.used;
    const length = worst <= room ? worst : Buffer.byteLength(line) + 1;
    if (this.held + length > this.options.capacityBytes || length > this.options.chunkBytes) {
      this.counts.droppedQueueFull++;
      return;
    }
    if (this.current === null || length > room) {
      if (this.current !== null) this.seal();
      this.current = { bytes: Buffer.allocUnsafe(this.options.chunkBytes), used: 0, lines: 0 };
    }
    const chunk = this.current;
    const written = chunk.bytes.write(line, chunk.used) + 1;
    chunk.used += written;
    chunk.bytes[chunk.used - 1] = 0x0a;
    chunk.lines++;
    this.held += written;
    if (this.sealed.length > 0 && this.inFlight === null) void this.flushOnce(false);
  }

  stats(): ShipperStats {
    return { queued: this.sealed.reduce((n, c) => n + c.lines, this.current?.lines ?? 0), ...this.counts };
  }

  async flush(timeoutMs = 2000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    if (this.inFlight !== null) await this.inFlight;
    while ((this.sealed.length > 0 || (this.current?.lines ?? 0) > 0) && Date.now() < deadline) await this.flushOnce(true);
  }

  async close(timeoutMs = 2000): Promise<void> {
    clearInterval(this.timer);
    await this.flush(timeoutMs);
  }

  private seal(): void {
    if (this.current !== null && this.current.lines > 0) this.sealed.push(this.current);
    this.current = null;
  }

  private flushOnce(includeCurrent: boolean): Promise<void> {
    if (this.inFlight !== null) return this.inFlight;
    if (includeCurrent && this.sealed.length === 0) this.seal();
    const chunk = this.sealed.shift();
    if (chunk === undefined) return Promise.resolve();
    this.inFlight = outsideContext(() => this.send(chunk.bytes.subarray(0, chunk.used)))
      .catch(() => false)
      .then((accepted) => {
        this.held -= chunk.used;
        if (accepted) this.counts.sent += chunk.lines;
        else this.counts.droppedSendFailed += chunk.lines;
        this.inFlight = null;
      });
    return this.inFlight;
  }
}
