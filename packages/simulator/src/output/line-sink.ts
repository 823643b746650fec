import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { createGzip, type Gzip } from 'node:zlib';
import { once } from 'node:events';

const CHUNK_BYTES = 1 << 20;

/**
 * A file written line by line, gzipped or plain. Lines are encoded straight
 * into a large buffer: one stream write per line, or one big concatenated
 * string per chunk, each cost more than making the line.
 * Compression runs on libuv's thread pool, beside the generator.
 *
 * @example
 * const sink = new LineSink('/tmp/x.log.gz', { gzipLevel: 1 });
 * await sink.write('a line'); // undefined unless the stream is full
 * await sink.close();
 */
export class LineSink {
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private readonly file: WriteStream;
  private readonly head: Gzip | WriteStream;
  private readonly finished: Promise<unknown>;
  lines = 0;

  constructor(path: string, options: { gzipLevel: number | null }) {
    mkdirSync(dirname(path), { recursive: true });
    this.file = createWriteStream(path);
    this.finished = once(this.file, 'close');
    if (options.gzipLevel === null) this.head = this.file;
    else {
      const gzip = createGzip({ level: options.gzipLevel });
      gzip.pipe(this.file);
      this.head = gzip;
    }
  }

  /**
   * Adds one line. Returns a promise only when the caller must wait for the
   * stream to drain: an await per line would cost more than the line.
   */
  write(line: string): Promise<void> | undefined {
    // UTF-8 needs at most 3 bytes per UTF-16 unit, plus the newline.
    const drained = this.used + line.length * 3 + 1 > CHUNK_BYTES ? this.flush() : undefined;
    if (line.length * 3 + 1 > CHUNK_BYTES) {
      this.head.write(`${line}\n`);
    } else {
      this.used += this.chunk.write(line, this.used, 'utf8');
      this.chunk[this.used++] = 10;
    }
    this.lines++;
    return drained;
  }

  async close(): Promise<void> {
    await this.flush();
    this.head.end();
    await this.finished;
  }

  private async flush(): Promise<void> {
    if (this.used === 0) return;
    // The stream keeps the buffer it is given, so each chunk gets a new one.
    const ok = this.head.write(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
    if (!ok) await once(this.head, 'drain');
  }
}
